package conform.runtime;

import conform.redact.Redactor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A started entry and everything it spawns (npx, tsx and uv wrappers start children that outlive a signal to
 * the wrapper alone). Its output goes straight to a log file, so a chatty child can never fill a pipe and stall.
 * Stopping sends SIGTERM to every process of the tree, then SIGKILL to survivors after a grace period, and a
 * JVM shutdown hook does the same for every live tree when conform exits, fails, or gets Ctrl-C/SIGTERM.
 *
 * <p>The tree's processes are its root, the root's live descendants, and every process whose environment carries the
 * tree's mark ({@link #MARK}, inherited by all it starts): a daemon that left the tree and its session, or whose parent
 * has exited, is found by its mark, even after the root itself has exited (where /proc can tell, see
 * {@link ProcessTable}).
 */
public final class ProcessTree implements AutoCloseable {

    private static final Set<ProcessTree> LIVE = ConcurrentHashMap.newKeySet();
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);
    private static final long POLL_MS = 20;
    /** The variable that marks every process a tree starts, with a value of that tree's own. */
    static final String MARK = "CONFORM_PROCESS_TREE";

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(SHUTDOWN_GRACE), "conform-stop-runtimes"));
    }

    /** Stops every tree this JVM started and still runs, each with {@code grace} (Ctrl-C, exit). */
    public static void stopAll(Duration grace) {
        LIVE.parallelStream().forEach(t -> t.stop(grace));
    }

    private final Process process;
    private final String mark;
    private final Path log;
    private final RedactedLog output;
    /** The pid of every process this tree has counted as its own: what they leave behind is the tree's to remove. */
    private final Set<Long> known = ConcurrentHashMap.newKeySet();

    private final List<Consumer<Set<Long>>> whenStopped = new CopyOnWriteArrayList<>();

    private ProcessTree(Process process, String mark, Path log, RedactedLog output) {
        this.process = process;
        this.mark = mark;
        this.log = log;
        this.output = output;
        known.add(process.pid());
    }

    /**
     * Starts {@code command}; {@code env} is applied over conform's own environment, a null value unsetting a variable.
     * Its output, stderr included, is appended to {@code log} through {@code redactor}.
     */
    public static ProcessTree start(
            List<String> command, Path cwd, Map<String, String> env, Path log, Redactor redactor) throws IOException {
        RedactedLog output = RedactedLog.create(log, redactor);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.raw().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // The child inherits conform's environment; a null value removes a variable.
        env.forEach((k, v) -> {
            if (v == null) builder.environment().remove(k);
            else builder.environment().put(k, v);
        });
        String mark = UUID.randomUUID().toString();
        builder.environment().put(MARK, mark);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            output.close();
            throw e;
        }
        ProcessTree tree = new ProcessTree(process, mark, log, output);
        LIVE.add(tree);
        return tree;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the root has exited. */
    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /**
     * The exit code once the root has exited, waiting up to {@code grace} for it: a connection that drops as the
     * runtime dies is often seen before the process has been reaped.
     */
    public Optional<Integer> exitCodeWithin(Duration grace) {
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) return Optional.of(process.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return exitCode();
    }

    /** Whether {@code pid} is the root, one of its descendants or a process with the tree's mark: one this tree started. */
    public boolean contains(long pid) {
        if (pid == process.pid()) return true;
        boolean ours = process.descendants().anyMatch(h -> h.pid() == pid) || ProcessTable.carries(pid, MARK, mark);
        if (ours) known.add(pid);
        return ours;
    }

    /**
     * Runs {@code cleanup} at the end of every {@link #stop}, however it came (the run's end, a failed start, Ctrl-C,
     * the shutdown hook), with the pid of every process this tree has counted as its own.
     */
    public void whenStopped(Consumer<Set<Long>> cleanup) {
        whenStopped.add(cleanup);
    }

    /** Returned by {@link #waitFor} when the process did not exit in time (it is then stopped). */
    public static final int TIMED_OUT = -1;

    /** Waits for the root to exit and returns its code; after {@code timeout} stops the tree and returns {@link #TIMED_OUT}. */
    public int waitFor(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LIVE.remove(this);
                output.close();
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop(Duration.ofSeconds(5));
        return TIMED_OUT;
    }

    /**
     * SIGTERM to the whole tree, SIGKILL to whatever still runs after {@code grace}; waits for the root. A zombie (killed,
     * but its parent does not reap it) has stopped: it is not waited for, whether or not init ever reaps it.
     */
    public void stop(Duration grace) {
        List<ProcessHandle> members = members();
        members.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        while (members.stream().anyMatch(ProcessTable::running) && System.nanoTime() < deadline) {
            if (!pause()) break;
        }
        // Children started during the grace period count too.
        List<ProcessHandle> survivors = new ArrayList<>(members);
        survivors.addAll(members());
        survivors.stream().filter(ProcessTable::running).forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        output.close();
        whenStopped.forEach(cleanup -> cleanup.accept(Set.copyOf(known)));
        LIVE.remove(this);
    }

    private static boolean pause() {
        try {
            Thread.sleep(POLL_MS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Root first, then every descendant and every process with the tree's mark, snapshot before any signal so none
     * escapes by being re-parented.
     */
    private List<ProcessHandle> members() {
        Map<Long, ProcessHandle> all = new LinkedHashMap<>();
        all.put(process.pid(), process.toHandle());
        process.descendants().forEach(h -> all.put(h.pid(), h));
        ProcessTable.carrying(MARK, mark).forEach(h -> all.putIfAbsent(h.pid(), h));
        known.addAll(all.keySet());
        return new ArrayList<>(all.values());
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }
}
