package conform.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One plugin's entry running in one runtime, reached through its reflection server. Start-up: spawn the entry
 * with {@code GENKIT_ENV=dev}, find the runtime file its process tree writes, wait for health, then for the
 * spec's models to be listed (or, for runtimes that register models lazily, for the list to settle) —
 * all within the startup timeout, each health probe within the health timeout.
 */
public final class RuntimeSession implements ActionRunner {

    private static final long POLL_MS = 25;
    private static final Duration SETTLE = Duration.ofMillis(1000);
    private static final Duration MIN_PROBE = Duration.ofSeconds(1);
    private static final int LOG_TAIL_LINES = 25;
    private static final int PORT_RACE_ATTEMPTS = 3;
    /** How long a call that lost its runtime waits for the runtime to exit, so that its failure names the real cause. */
    private static final Duration DEATH_WAIT = Duration.ofSeconds(5);

    private static final Duration DEATH_POLL = Duration.ofMillis(200);

    private final ProcessTree tree;
    private final ReflectionClient client;
    /** The process that wrote the runtime file: the server conform talks to. */
    private final long serverPid;

    private final long startupMs;
    private LogFollower follower;

    private RuntimeSession(ProcessTree tree, ReflectionClient client, long serverPid, long startupMs) {
        this.tree = tree;
        this.client = client;
        this.serverPid = serverPid;
        this.startupMs = startupMs;
    }

    /** Passes the runtime's log on, line by line as it arrives, from its first line (for -v). */
    public void follow(Consumer<String> lines) {
        follower = new LogFollower(tree.log(), 0, lines);
    }

    /** Starts the entry and waits until its models are listed; {@code notes} receives progress (a lazily registered model, …). */
    public static RuntimeSession start(Launch launch, Consumer<String> notes) throws RuntimeStartFailure {
        for (int attempt = 1; ; attempt++) {
            long logStart = launch.log().toFile().length();
            try {
                return startOnce(launch, notes);
            } catch (RuntimeStartFailure e) {
                // JS and Go reflection servers pick a port by checking then binding: two starting together can
                // choose the same one, and the loser exits. That is not the entry's fault; start it again.
                if (attempt >= PORT_RACE_ATTEMPTS
                        || !LogTail.since(launch.log(), logStart).contains("EADDRINUSE")) throw e;
                notes.accept("lost a race for its reflection port with another runtime; starting it again");
            }
        }
    }

    private static RuntimeSession startOnce(Launch launch, Consumer<String> notes) throws RuntimeStartFailure {
        long begin = System.nanoTime();
        long deadline = begin + launch.startupTimeout().toNanos();
        Path log = launch.log();
        Path cwd = launch.cwd();
        ProcessTree tree;
        try {
            Files.createDirectories(log.getParent());
            tree = ProcessTree.start(launch.command(), cwd, launch.childEnvironment(), log, launch.redactor());
        } catch (IOException e) {
            throw new RuntimeStartFailure(
                    "cannot start `" + String.join(" ", launch.command()) + "` in " + cwd + ": " + e.getMessage(),
                    log,
                    List.of());
        }
        // However the runtime ends, no runtime file of its processes is left (its own clean-up may never run).
        tree.whenStopped(pids -> RuntimeFile.removeLeftBy(cwd, pids));
        // Built while the runtime boots, so its cost is not added to the start-up.
        CompletableFuture<HttpClient> http = CompletableFuture.supplyAsync(ReflectionClient::newHttp);
        try {
            RuntimeFile file = awaitRuntimeFile(tree, cwd, deadline, launch.startupTimeout());
            ReflectionClient client = new ReflectionClient(file.reflectionUrl(), http.join());
            awaitHealth(tree, client, deadline, launch.healthTimeout(), launch.startupTimeout());
            awaitModels(tree, client, launch.models(), deadline, notes);
            return new RuntimeSession(tree, client, file.pid(), (System.nanoTime() - begin) / 1_000_000);
        } catch (RuntimeStartFailure e) {
            http.thenAccept(HttpClient::shutdownNow);
            tree.stop(Duration.ofSeconds(5));
            throw new RuntimeStartFailure(e.getMessage(), log, LogTail.last(log, LOG_TAIL_LINES));
        }
    }

    private static RuntimeFile awaitRuntimeFile(ProcessTree tree, Path cwd, long deadline, Duration startupTimeout)
            throws RuntimeStartFailure {
        while (true) {
            Optional<RuntimeFile> file = RuntimeFile.find(cwd, tree);
            if (file.isPresent()) return file.get();
            checkAlive(tree, "before writing its runtime file");
            if (System.nanoTime() > deadline) {
                throw new RuntimeStartFailure(
                        "no runtime file from this process in " + RuntimeFile.directory(cwd) + " after "
                                + ReflectionClient.seconds(startupTimeout) + " (is GENKIT_ENV=dev honoured, and is "
                                + cwd + " the project root?)",
                        null,
                        List.of());
            }
            sleep();
        }
    }

    private static void awaitHealth(
            ProcessTree tree, ReflectionClient client, long deadline, Duration probe, Duration startupTimeout)
            throws RuntimeStartFailure {
        while (!client.healthy(probe)) {
            checkAlive(tree, "before its reflection server became healthy");
            if (System.nanoTime() > deadline) {
                throw new RuntimeStartFailure(
                        "reflection server at " + client.base() + " not healthy after "
                                + ReflectionClient.seconds(startupTimeout),
                        null,
                        List.of());
            }
            sleep();
        }
    }

    /**
     * Until every model is listed, or the list stops changing for {@link #SETTLE} (models registered on first use).
     * A listing may be slow (Python plugins ask their providers), so each probe may use the rest of the start-up
     * budget; a probe that fails does not count toward the list settling.
     */
    private static void awaitModels(
            ProcessTree tree, ReflectionClient client, Set<String> models, long deadline, Consumer<String> notes)
            throws RuntimeStartFailure {
        Set<String> previous = null;
        long stableSince = System.nanoTime();
        while (true) {
            checkAlive(tree, "while registering its models");
            Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), MIN_PROBE.toNanos()));
            Optional<Set<String>> listed = listedModels(client, left);
            Set<String> missing = new TreeSet<>(models);
            listed.ifPresent(keys -> missing.removeIf(m -> keys.contains(ActionRunner.modelKey(m))));
            if (listed.isPresent() && missing.isEmpty()) return;
            if (System.nanoTime() > deadline) {
                notes.accept(
                        (listed.isPresent() ? "not listed by the runtime" : "the runtime's action list did not answer")
                                + ", to be resolved on first use: " + String.join(", ", missing));
                return;
            }
            if (listed.isPresent() && !listed.get().equals(previous)) {
                previous = listed.get();
                stableSince = System.nanoTime();
            } else if (listed.isPresent() && System.nanoTime() - stableSince >= SETTLE.toNanos()) {
                notes.accept("not listed by the runtime, to be resolved on first use: " + String.join(", ", missing));
                return;
            }
            sleep();
        }
    }

    private static Optional<Set<String>> listedModels(ReflectionClient client, Duration timeout) {
        try {
            JsonNode actions = client.actions(timeout);
            Set<String> keys = new TreeSet<>();
            actions.fieldNames().forEachRemaining(k -> {
                if (k.startsWith("/model/")) keys.add(k);
            });
            return Optional.of(keys);
        } catch (ActionFailure e) {
            return Optional.empty();
        }
    }

    private static void checkAlive(ProcessTree tree, String when) throws RuntimeStartFailure {
        Optional<Integer> code = tree.exitCode();
        if (code.isPresent())
            throw new RuntimeStartFailure("the entry exited with code " + code.get() + " " + when, null, List.of());
    }

    private static void sleep() throws RuntimeStartFailure {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeStartFailure("interrupted while waiting for the runtime", null, List.of());
        }
    }

    public long startupMs() {
        return startupMs;
    }

    public Path log() {
        return tree.log();
    }

    @Override
    public ActionResult run(String model, JsonNode input, boolean stream, Duration timeout) throws ActionFailure {
        try {
            return client.run(ActionRunner.modelKey(model), input, stream, timeout);
        } catch (ActionFailure e) {
            Optional<Integer> code = switch (e.kind()) {
                // The connection dropped or the answer broke off: the runtime may be dying.
                case TRANSPORT, PROTOCOL -> exitUnlessAnswering();
                case TIMEOUT -> tree.exitCode();
                // The runtime answered.
                default -> Optional.empty();
            };
            if (code.isEmpty()) throw e;
            throw new ActionFailure(
                    ActionFailure.Kind.TRANSPORT, exited(code.get()) + " (log: " + tree.log() + ")", null);
        }
    }

    /**
     * The runtime's exit code once it has exited, or empty as soon as it answers its health check (the failure was the
     * call's own) or {@link #DEATH_WAIT} has passed. A connection drops as its runtime dies, before the exit is seen,
     * and a runtime whose server is gone may take a while to exit (its clean-up, a launcher script's).
     */
    private Optional<Integer> exitUnlessAnswering() {
        long deadline = System.nanoTime() + DEATH_WAIT.toNanos();
        while (true) {
            Optional<Integer> code = tree.exitCodeWithin(DEATH_POLL);
            if (code.isPresent() || System.nanoTime() > deadline) return code;
            // Only a live server of ours answers for the runtime: once it is gone, another runtime may hold its port.
            if (ProcessTable.running(serverPid) && client.healthy(MIN_PROBE)) return code;
        }
    }

    private static String exited(int code) {
        return "the runtime exited with code " + code;
    }

    /** What ended the runtime, once it has exited: "the runtime exited with code N". */
    public Optional<String> exit() {
        return tree.exitCode().map(RuntimeSession::exited);
    }

    /** GET /api/actions: every action the runtime lists, keyed by action key. */
    public JsonNode actions(Duration timeout) throws ActionFailure {
        return client.actions(timeout);
    }

    @Override
    public boolean alive() {
        return tree.isAlive();
    }

    /** Stops the runtime, which removes what runtime file it left (see {@link #startOnce}). */
    @Override
    public void close() {
        client.close();
        tree.stop(Duration.ofSeconds(5));
        if (follower != null) follower.close();
    }
}
