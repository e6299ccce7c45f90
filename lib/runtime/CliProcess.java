package conform.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One run of {@code genkit dev:test-model --from-file SPEC -- ENTRY}: the CLI, the telemetry server it runs inside
 * itself, and the runtime it starts, as one process tree that conform stops like a runtime's (on every exit path,
 * Ctrl-C and the shutdown hook included), in a project root of the run's own ({@link PrivateRoot}).
 *
 * <p>The CLI hands the runtime its own stdout, so the entry runs behind {@code sh -c 'exec "$@" >>RAW 2>&1'}: the shell
 * replaces itself with the entry at once, which then writes to a file of its own, copied redacted into the runtime's
 * log. The CLI's log then holds only the CLI's lines, its per-test verdicts never interleaved with a runtime's.
 */
public final class CliProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(5);
    /** Runs its arguments with their output appended to the file named by $0. */
    private static final String REDIRECT = "exec \"$@\" >>\"$0\" 2>&1";

    private final ProcessTree tree;
    private final PrivateRoot root;
    private final Path runtimeLog;
    /** Where this run's output starts in the CLI's log (a log a run before this one wrote is appended to). */
    private final long logStart;

    private LogFollower follower;

    private CliProcess(ProcessTree tree, PrivateRoot root, Path runtimeLog, long logStart) {
        this.tree = tree;
        this.root = root;
        this.runtimeLog = runtimeLog;
        this.logStart = logStart;
    }

    /**
     * Starts the CLI on {@code spec}, with {@code launch}'s entry as the command it runs, in a private copy of the entry's
     * project root and with the environment conform gives its own runtimes.
     *
     * @param cliLog where the CLI's output goes; the runtime's goes to {@code launch.log()}
     */
    public static CliProcess start(GenkitCli cli, Path spec, Launch launch, Path cliLog) throws IOException {
        Files.createDirectories(cliLog.getParent());
        long logStart = cliLog.toFile().length();
        PrivateRoot root = PrivateRoot.of(launch.cwd());
        RedactedLog runtimeOutput;
        try {
            runtimeOutput = RedactedLog.create(launch.log(), launch.redactor());
        } catch (IOException e) {
            root.close();
            throw e;
        }
        List<String> command = new ArrayList<>(List.of(
                cli.executable().toString(),
                "dev:test-model",
                "--from-file",
                spec.toString(),
                "--",
                "sh",
                "-c",
                REDIRECT,
                runtimeOutput.raw().toString()));
        command.addAll(launch.command());
        // The CLI is a reflection v1 manager (it finds its runtime by the runtime file): its runtime must serve v1.
        Map<String, String> env = launch.childEnvironment(null);
        ProcessTree tree;
        try {
            env.put("XDG_CONFIG_HOME", cli.configHome().toString());
            tree = ProcessTree.start(command, root.dir(), env, cliLog, launch.redactor());
        } catch (IOException e) {
            runtimeOutput.close();
            root.close();
            throw e;
        }
        // However the run ends, the runtime's output is copied out and the private root goes (runtime file and all).
        tree.whenStopped(pids -> {
            runtimeOutput.close();
            root.close();
        });
        return new CliProcess(tree, root, launch.log(), logStart);
    }

    /** Passes the CLI's output on, line by line as it arrives, from its first line. */
    public void follow(Consumer<String> lines) {
        follower = new LogFollower(tree.log(), logStart, lines);
    }

    /** Whether the runtime the CLI started has written its runtime file: it is up, whether or not the CLI has seen it. */
    public boolean runtimeStarted() {
        return RuntimeFile.find(root.dir(), tree, new HashSet<>()).isPresent();
    }

    /** The CLI's exit code, once it has exited. */
    public Optional<Integer> exitCode() {
        return tree.exitCode();
    }

    /** The CLI's exit code if it exits within {@code wait}. */
    public Optional<Integer> exitCodeWithin(Duration wait) {
        return tree.exitCodeWithin(wait);
    }

    public Path log() {
        return tree.log();
    }

    public Path runtimeLog() {
        return runtimeLog;
    }

    /** The failed model actions the CLI's telemetry server has recorded so far (gone once this is closed). */
    public List<CliTraces.FailedAction> failedActions() {
        return CliTraces.read(root.dir());
    }

    /** Stops the CLI, its runtime and whatever they started, then passes on the rest of the CLI's log. */
    @Override
    public void close() {
        tree.stop(GRACE);
        if (follower != null) follower.close();
    }
}
