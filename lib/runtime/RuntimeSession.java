package conform.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import conform.config.Transport;
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
 * One plugin's entry running in one runtime, reached through its reflection API (v1 or v2, see {@link Handshake}).
 * Start-up: spawn the entry with {@code GENKIT_ENV=dev}, wait until it is reachable, then for the spec's models to be
 * listed (or, for runtimes that register models lazily, for the list to settle) — all within the startup timeout,
 * each v1 health probe within the health timeout.
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
    private final Reflection reflection;
    private final long startupMs;
    private final JsonNode startListing;
    private LogFollower follower;

    private RuntimeSession(ProcessTree tree, Reflection reflection, long startupMs, JsonNode startListing) {
        this.tree = tree;
        this.reflection = reflection;
        this.startupMs = startupMs;
        this.startListing = startListing;
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
                // JS and Go v1 reflection servers pick a port by checking then binding: two starting together can
                // choose the same one, and the loser exits. That is not the entry's fault; start it again. (A v2
                // runtime opens no port.)
                if (launch.transport() == Transport.V2
                        || attempt >= PORT_RACE_ATTEMPTS
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
        Transport transport = launch.transport();
        ReflectionV2 v2 = transport == Transport.V1 ? null : listen(launch);
        ProcessTree tree;
        try {
            Files.createDirectories(log.getParent());
            tree = ProcessTree.start(
                    launch.command(),
                    cwd,
                    launch.childEnvironment(v2 == null ? null : v2.url()),
                    log,
                    launch.redactor());
        } catch (IOException e) {
            if (v2 != null) v2.close();
            throw new RuntimeStartFailure(
                    "cannot start `" + String.join(" ", launch.command()) + "` in " + cwd + ": " + e.getMessage(),
                    log,
                    List.of());
        }
        if (v2 != null) v2.attach(tree);
        // However a v1 runtime ends, no runtime file of its processes is left (its own clean-up may never run).
        if (transport != Transport.V2) tree.whenStopped(pids -> RuntimeFile.removeLeftBy(cwd, pids));
        // Built while the runtime boots, so its cost is not added to the start-up; under auto only if the runtime
        // turns out to speak v1.
        CompletableFuture<HttpClient> http =
                transport == Transport.V1 ? CompletableFuture.supplyAsync(ReflectionClient::newHttp) : null;
        Reflection reflection = null;
        try {
            reflection = new Handshake(launch, tree, v2, http, deadline).await();
            // Models the entry was not asked to register are expected to be resolved on first use: no note for them.
            JsonNode listing = awaitModels(
                    tree, reflection, launch.models(), deadline, launch.registerModels() ? notes : note -> {});
            return new RuntimeSession(tree, reflection, (System.nanoTime() - begin) / 1_000_000, listing);
        } catch (RuntimeStartFailure e) {
            if (reflection != null) reflection.close();
            if (v2 != null) v2.close();
            if (http != null) http.thenAccept(HttpClient::shutdownNow);
            tree.stop(Duration.ofSeconds(5));
            throw new RuntimeStartFailure(e.getMessage(), log, LogTail.last(log, LOG_TAIL_LINES));
        }
    }

    private static ReflectionV2 listen(Launch launch) throws RuntimeStartFailure {
        try {
            return ReflectionV2.listen(launch.log());
        } catch (IOException e) {
            throw new RuntimeStartFailure(
                    "cannot open conform's reflection v2 server: " + e.getMessage() + " (or choose --transport v1)",
                    launch.log(),
                    List.of());
        }
    }

    /**
     * Until every model is listed, or the list stops changing for {@link #SETTLE} (models registered on first use).
     * A listing may be slow (Python plugins ask their providers), so each probe may use the rest of the start-up
     * budget; a probe that fails does not count toward the list settling. Returns the last list, or null when the
     * runtime never answered one.
     */
    private static JsonNode awaitModels(
            ProcessTree tree, Reflection reflection, Set<String> models, long deadline, Consumer<String> notes)
            throws RuntimeStartFailure {
        Set<String> previous = null;
        JsonNode latest = null;
        long stableSince = System.nanoTime();
        while (true) {
            checkAlive(tree, "while registering its models");
            Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), MIN_PROBE.toNanos()));
            Optional<JsonNode> answer = actions(reflection, left);
            if (answer.isPresent()) latest = answer.get();
            Optional<Set<String>> listed = answer.map(RuntimeSession::modelKeys);
            Set<String> missing = new TreeSet<>(models);
            listed.ifPresent(keys -> missing.removeIf(m -> keys.contains(ActionRunner.modelKey(m))));
            if (listed.isPresent() && missing.isEmpty()) return latest;
            if (System.nanoTime() > deadline) {
                notes.accept(
                        (listed.isPresent() ? "not listed by the runtime" : "the runtime's action list did not answer")
                                + ", to be resolved on first use: " + String.join(", ", missing));
                return latest;
            }
            if (listed.isPresent() && !listed.get().equals(previous)) {
                previous = listed.get();
                stableSince = System.nanoTime();
            } else if (listed.isPresent() && System.nanoTime() - stableSince >= SETTLE.toNanos()) {
                notes.accept("not listed by the runtime, to be resolved on first use: " + String.join(", ", missing));
                return latest;
            }
            sleep(POLL_MS);
        }
    }

    private static Optional<JsonNode> actions(Reflection reflection, Duration timeout) {
        try {
            return Optional.of(reflection.actions(timeout));
        } catch (ActionFailure e) {
            return Optional.empty();
        }
    }

    private static Set<String> modelKeys(JsonNode actions) {
        Set<String> keys = new TreeSet<>();
        actions.fieldNames().forEachRemaining(k -> {
            if (k.startsWith("/model/")) keys.add(k);
        });
        return keys;
    }

    private static void checkAlive(ProcessTree tree, String when) throws RuntimeStartFailure {
        Optional<Integer> code = tree.exitCode();
        if (code.isPresent())
            throw new RuntimeStartFailure("the entry exited with code " + code.get() + " " + when, null, List.of());
    }

    static void sleep(long millis) throws RuntimeStartFailure {
        try {
            Thread.sleep(millis);
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
    public ActionResult run(String model, JsonNode input, boolean stream, Duration timeout, CallGate gate)
            throws ActionFailure {
        // An answer leaves the pass at once; a failed call leaves it only once it is known whether the runtime died, so
        // the next call never races a dying runtime.
        CallGate.Tracked call = CallGate.tracked(gate);
        try {
            return reflection.run(ActionRunner.modelKey(model), input, stream, timeout, call);
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
        } finally {
            call.leave();
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
            if (code.isPresent() || System.nanoTime() > deadline || reflection.answering(MIN_PROBE)) return code;
        }
    }

    private static String exited(int code) {
        return "the runtime exited with code " + code;
    }

    /** What ended the runtime, once it has exited: "the runtime exited with code N". */
    public Optional<String> exit() {
        return tree.exitCode().map(RuntimeSession::exited);
    }

    /**
     * What the runtime listed when it became ready, before any call (null if its list never answered): with no model
     * asked for up front ({@link Launch#models()} empty), what its plugin registers by itself.
     */
    public JsonNode startListing() {
        return startListing;
    }

    /** Every action the runtime lists, keyed by action key. */
    public JsonNode actions(Duration timeout) throws ActionFailure {
        return reflection.actions(timeout);
    }

    /** The reflection API the runtime is spoken to through: v1 or v2. */
    public Transport transport() {
        return reflection.transport();
    }

    @Override
    public boolean alive() {
        return tree.isAlive();
    }

    /** Stops the runtime, which removes what runtime file it left (see {@link #startOnce}). */
    @Override
    public void close() {
        reflection.close();
        tree.stop(Duration.ofSeconds(5));
        if (follower != null) follower.close();
    }
}
