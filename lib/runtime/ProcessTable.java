package conform.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Linux's /proc tells about this user's processes that {@link ProcessHandle} does not: that a process has exited
 * and waits to be reaped (a zombie, which ProcessHandle counts as alive), and which processes carry a variable in their
 * environment — every descendant inherits it, also one that left the process tree and its session (a daemon, re-parented
 * to init once its parent died). Where there is no /proc, no process is a zombie and none is found by its environment.
 */
final class ProcessTable {

    private static final Path PROC = Path.of("/proc");

    private ProcessTable() {}

    /** Whether {@code process} still runs: alive, and not a zombie that only waits for its parent (or init) to reap it. */
    static boolean running(ProcessHandle process) {
        return process.isAlive() && !zombie(process.pid());
    }

    /** Whether the process with this pid still runs. */
    static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessTable::running).orElse(false);
    }

    private static boolean zombie(long pid) {
        try {
            // "pid (comm) state …": comm may hold spaces and parentheses, so the state follows the last ')'.
            String stat = Files.readString(PROC.resolve(pid + "/stat"), StandardCharsets.ISO_8859_1);
            int end = stat.lastIndexOf(')');
            char state = end > 0 && end + 2 < stat.length() ? stat.charAt(end + 2) : '?';
            return state == 'Z' || state == 'X';
        } catch (IOException | RuntimeException gone) {
            return false; // exited and reaped, or no /proc: ProcessHandle knows
        }
    }

    /** This user's processes, other than this JVM, whose environment holds {@code variable=value}. */
    static List<ProcessHandle> carrying(String variable, String value) {
        List<ProcessHandle> found = new ArrayList<>();
        if (!Files.isDirectory(PROC)) return found;
        try (DirectoryStream<Path> entries =
                Files.newDirectoryStream(PROC, p -> isPid(p.getFileName().toString()))) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                if (pid == ProcessHandle.current().pid() || !carries(pid, variable, value)) continue;
                ProcessHandle.of(pid).ifPresent(found::add);
            }
        } catch (IOException | RuntimeException unreadable) {
            // /proc vanished or is not procfs: the live tree is all there is to go by
        }
        return found;
    }

    /** Whether the environment of {@code pid} holds {@code variable=value} (false for another user's process). */
    static boolean carries(long pid, String variable, String value) {
        return environment(pid)
                .map(env -> ("\0" + env).contains("\0" + variable + "=" + value + "\0"))
                .orElse(false);
    }

    private static Optional<String> environment(long pid) {
        try {
            return Optional.of(Files.readString(PROC.resolve(pid + "/environ"), StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // exited, another user's, or no /proc
        }
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
