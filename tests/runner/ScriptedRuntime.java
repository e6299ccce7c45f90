package conform.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import conform.runtime.ActionFailure;
import conform.runtime.ActionResult;
import conform.runtime.ActionRunner;
import conform.runtime.CallGate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a runtime: each test (named by its prompt) answers from a script, one outcome per call — "ok" and
 * "bad" are answers the check accepts and rejects, "error", "timeout" and "missing" are failures of the call. The
 * last outcome repeats. It records the calls, the most calls at once, and the timeout each call was given.
 */
final class ScriptedRuntime implements ActionRunner {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Accepts an answer whose text is "ok". */
    static final ResponseCheck CHECK =
            (test, answer) -> "ok".equals(answer.response().path("text").asText()) ? null : "the answer was not ok";

    private final Map<String, Deque<String>> scripts = new HashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final List<Duration> timeouts = new ArrayList<>();
    private volatile boolean alive = true;
    private volatile String dieAfter;
    private volatile String slowToSend;

    ScriptedRuntime answer(String test, String... outcomes) {
        scripts.put(test, new ArrayDeque<>(List.of(outcomes)));
        return this;
    }

    /** {@code test}'s request takes long to get ready: a worker with a later test is ready first. */
    ScriptedRuntime slowToSend(String test) {
        slowToSend = test;
        return this;
    }

    /** The runtime dies once {@code test} has been called. */
    ScriptedRuntime dieAfter(String test) {
        dieAfter = test;
        return this;
    }

    @Override
    public ActionResult run(String model, JsonNode input, boolean stream, Duration timeout, CallGate gate)
            throws ActionFailure {
        String test = input.at("/messages/0/content/0/text").asText();
        if (test.equals(slowToSend)) pause(100);
        CallGate.Pass pass = gate.enter();
        String outcome;
        synchronized (this) {
            calls.add(test);
            notifyAll();
            timeouts.add(timeout);
            Deque<String> script = scripts.get(test);
            outcome = script.size() > 1 ? script.poll() : script.peek();
        }
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            pause(5); // long enough for concurrent calls to overlap
            if (test.equals(dieAfter)) alive = false;
            return switch (outcome) {
                case "ok", "bad" -> new ActionResult(JSON.createObjectNode().put("text", outcome), List.of(), 5, null);
                case "error" -> throw new ActionFailure(ActionFailure.Kind.ACTION_ERROR, "the provider said no", null);
                case "timeout" -> throw new ActionFailure(ActionFailure.Kind.TIMEOUT, "no answer in time", null);
                case "missing" -> throw new ActionFailure(ActionFailure.Kind.NOT_FOUND, "model not found", null);
                default -> throw new IllegalArgumentException(outcome);
            };
        } finally {
            inFlight.decrementAndGet();
            pass.leave();
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every call in the order it went out. */
    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized long callsOf(String test) {
        return calls.stream().filter(test::equals).count();
    }

    /** Whether {@code test} has been called, waiting for its call up to {@code wait}. */
    synchronized boolean called(String test, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!calls.contains(test)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized List<Duration> timeouts() {
        return List.copyOf(timeouts);
    }

    int mostInFlight() {
        return mostInFlight.get();
    }

    @Override
    public boolean alive() {
        return alive;
    }

    @Override
    public void close() {}
}
