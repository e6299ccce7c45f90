package conform.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import conform.runtime.ActionFailure;
import conform.runtime.ActionResult;
import conform.runtime.ActionRunner;
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

    ScriptedRuntime answer(String test, String... outcomes) {
        scripts.put(test, new ArrayDeque<>(List.of(outcomes)));
        return this;
    }

    /** The runtime dies once {@code test} has been called. */
    ScriptedRuntime dieAfter(String test) {
        dieAfter = test;
        return this;
    }

    @Override
    public ActionResult run(String model, JsonNode input, boolean stream, Duration timeout) throws ActionFailure {
        String test = input.at("/messages/0/content/0/text").asText();
        String outcome;
        synchronized (this) {
            calls.add(test);
            timeouts.add(timeout);
            Deque<String> script = scripts.get(test);
            outcome = script.size() > 1 ? script.poll() : script.peek();
        }
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Thread.sleep(5); // long enough for concurrent calls to overlap
            if (test.equals(dieAfter)) alive = false;
            return switch (outcome) {
                case "ok", "bad" -> new ActionResult(JSON.createObjectNode().put("text", outcome), List.of(), 5, null);
                case "error" -> throw new ActionFailure(ActionFailure.Kind.ACTION_ERROR, "the provider said no", null);
                case "timeout" -> throw new ActionFailure(ActionFailure.Kind.TIMEOUT, "no answer in time", null);
                case "missing" -> throw new ActionFailure(ActionFailure.Kind.NOT_FOUND, "model not found", null);
                default -> throw new IllegalArgumentException(outcome);
            };
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    synchronized long callsOf(String test) {
        return calls.stream().filter(test::equals).count();
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
