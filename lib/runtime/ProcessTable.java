package conform.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux's /proc tells about this user's processes that {@link ProcessHandle} does not: that a process has exited
 * and waits to be reaped (a zombie, which ProcessHandle counts as alive). Where there is no /proc, no process is a
 * zombie.
 */
final class ProcessTable {

    private static final Path PROC = Path.of("/proc");

    private ProcessTable() {}

    /** Whether {@code process} still runs: alive, and not a zombie that only waits for its parent (or init) to reap it. */
    static boolean running(ProcessHandle process) {
        return process.isAlive() && !zombie(process.pid());
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
}
