package conform.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import conform.config.TestId;
import conform.runtime.ActionFailure;
import conform.runtime.ActionResult;
import conform.runtime.ActionRunner;
import conform.runtime.CallGate;
import conform.spec.TestCase;
import java.time.Duration;
import java.util.Map;

/**
 * Runs one test against a runner: call the model and check its answer; retry what may be transient (a rejected
 * answer — models are not deterministic — timeouts, transport and action errors) but not what cannot change
 * (unknown model, invalid request, a dead runtime).
 */
final class TestExecutor {

    /** One model call and its verdict. */
    record Attempt(
            TestStatus status,
            String error,
            boolean retryable,
            Duration retryAfter,
            Long latencyMs,
            Long firstChunkMs) {}

    /** A test's result, and whether another try could change it (for the serial re-run). */
    record Verdict(TestResult result, boolean retryable) {}

    private final ResponseCheck check;
    private final RunListener listener;
    private final Interruption interruption;
    private final Map<String, String> mediaUrls;

    TestExecutor(ResponseCheck check, RunListener listener, Interruption interruption, Map<String, String> mediaUrls) {
        this.check = check;
        this.listener = listener;
        this.interruption = interruption;
        this.mediaUrls = mediaUrls;
    }

    /**
     * Runs the test with retries, each call going out once {@code calls} lets it. {@code earlierAttempts} and
     * {@code failedBefore} carry over from a previous phase (the serial re-run), so attempts add up and a late pass is
     * still reported as flaky.
     */
    Verdict run(
            ActionRunner runner, Job job, RetryPolicy policy, int earlierAttempts, boolean failedBefore, CallGate calls) {
        int attempts = earlierAttempts;
        boolean failed = failedBefore;
        CallGate.Pass held = null;
        for (int retry = 0; ; retry++) {
            Attempt attempt;
            try {
                attempt = attempt(runner, job, held == null ? calls : CallGate.holding(held));
            } finally {
                if (held != null) held.leave();
            }
            attempts++;
            if (attempt.status() == TestStatus.PASSED) {
                return new Verdict(result(job, attempt, attempts, failed), false);
            }
            // A failure that comes after a stop was asked for may be the stop itself (its runtime killed): no verdict.
            if (interruption.requested()) return new Verdict(interrupted(job.id(), attempts), false);
            failed = true;
            boolean canRetry = attempt.retryable() && retry < policy.maxRetries() && runner.alive();
            if (!canRetry) return new Verdict(result(job, attempt, attempts, false), attempt.retryable());
            Duration wait = policy.delay(retry, attempt.retryAfter());
            listener.retrying(job.id(), retry + 1, policy.maxRetries(), attempt.error(), wait);
            // The backoff holds the retry's room, as a test in flight would: no other call takes the wait's place.
            held = calls.enter();
            if (interruption.sleep(wait)) {
                held.leave();
                return new Verdict(interrupted(job.id(), attempts), false);
            }
        }
    }

    /** A test that has no verdict because conform was stopped first. */
    static TestResult interrupted(TestId id, int attempts) {
        return new TestResult(
                id,
                TestStatus.INTERRUPTED,
                attempts,
                false,
                "conform was stopped before this test finished",
                null,
                null);
    }

    private static TestResult result(Job job, Attempt a, int attempts, boolean failedBefore) {
        boolean flaky = a.status() == TestStatus.PASSED && failedBefore;
        return new TestResult(job.id(), a.status(), attempts, flaky, a.error(), a.latencyMs(), a.firstChunkMs());
    }

    private Attempt attempt(ActionRunner runner, Job job, CallGate calls) {
        TestCase test = job.test();
        ActionResult result;
        try {
            result = runner.run(
                    job.id().model(),
                    asGenerateSends(withMediaUrls(test.input(), mediaUrls)),
                    test.stream(),
                    job.settings().actionTimeout(),
                    calls);
        } catch (ActionFailure f) {
            TestStatus status = f.kind() == ActionFailure.Kind.TIMEOUT ? TestStatus.TIMEOUT : TestStatus.ERROR;
            return new Attempt(status, f.getMessage(), f.kind().retryable, f.retryAfter(), null, null);
        }
        String failure = check.failure(test, result);
        // A rejected answer may be retried: models are not deterministic.
        return new Attempt(
                failure == null ? TestStatus.PASSED : TestStatus.FAILED,
                failure,
                failure != null,
                null,
                result.latencyMs(),
                result.firstChunkMs());
    }

    /** {@code input} with each media part's URL that {@code urls} maps replaced by its counterpart. */
    static JsonNode withMediaUrls(JsonNode input, Map<String, String> urls) {
        if (urls.isEmpty()) return input;
        JsonNode copy = input.deepCopy();
        for (JsonNode message : copy.path("messages"))
            for (JsonNode part : message.path("content")) {
                String replacement = urls.get(part.path("media").path("url").asText(""));
                if (replacement != null) ((ObjectNode) part.get("media")).put("url", replacement);
            }
        return copy;
    }

    /**
     * The request as {@code ai.generate()} would hand it to the model: always with a {@code config} object (some
     * plugins read {@code input.config.x} unguarded, and no real app ever sends a request without one).
     */
    static JsonNode asGenerateSends(JsonNode input) {
        if (!(input instanceof ObjectNode object) || object.has("config")) return input;
        ObjectNode copy = object.deepCopy();
        copy.putObject("config");
        return copy;
    }
}
