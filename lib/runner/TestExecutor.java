package conform.runner;

import conform.config.TestId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import conform.runtime.ActionFailure;
import conform.runtime.ActionResult;
import conform.runtime.ActionRunner;
import conform.spec.TestCase;
import conform.spec.ValidatorRef;
import conform.validate.ModelResponse;
import conform.validate.ValidationFailure;
import conform.validate.ValidatorRegistry;

import java.time.Duration;

/**
 * Runs one test against a runner: call the model, check chunks when streaming, apply each validator; retry what
 * may be transient (a validator failure — models are not deterministic — timeouts, transport and action errors)
 * but not what cannot change (unknown model, invalid request, a dead runtime).
 */
final class TestExecutor {

    /** One model call and its verdict. */
    record Attempt(TestStatus status, String error, boolean retryable, Duration retryAfter, Long latencyMs, Long firstChunkMs) {}

    /** A test's result, and whether another try could change it (for the serial re-run). */
    record Verdict(TestResult result, boolean retryable) {}

    private final ValidatorRegistry validators;
    private final RunListener listener;

    TestExecutor(ValidatorRegistry validators, RunListener listener) {
        this.validators = validators;
        this.listener = listener;
    }

    /**
     * Runs the test with retries. {@code earlierAttempts} and {@code failedBefore} carry over from a previous
     * phase (the serial re-run), so attempts add up and a late pass is still reported as flaky.
     */
    Verdict run(RunContext ctx, String model, TestCase test, RetryPolicy policy, Duration timeout, int earlierAttempts, boolean failedBefore) {
        int attempts = earlierAttempts;
        boolean failed = failedBefore;
        for (int retry = 0; ; retry++) {
            Attempt attempt = attempt(ctx.runner(), model, test, timeout);
            attempts++;
            if (attempt.status() == TestStatus.PASSED) {
                return new Verdict(result(ctx, model, test, attempt, attempts, failed), false);
            }
            failed = true;
            boolean canRetry = attempt.retryable() && retry < policy.maxRetries() && ctx.runner().alive();
            if (!canRetry) return new Verdict(result(ctx, model, test, attempt, attempts, false), attempt.retryable());
            Duration wait = policy.delay(retry, attempt.retryAfter());
            listener.retrying(ctx.plugin(), ctx.runtime(), model, test.name(), retry + 1, policy.maxRetries(), attempt.error(), wait);
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Verdict(result(ctx, model, test, attempt, attempts, false), false);
            }
        }
    }

    private static TestResult result(RunContext ctx, String model, TestCase test, Attempt a, int attempts, boolean failedBefore) {
        boolean flaky = a.status() == TestStatus.PASSED && failedBefore;
        return new TestResult(new TestId(ctx.plugin(), ctx.runtime(), model, test.name()), a.status(), attempts, flaky, a.error(), a.latencyMs(), a.firstChunkMs());
    }

    Attempt attempt(ActionRunner runner, String model, TestCase test, Duration timeout) {
        ActionResult result;
        try {
            result = runner.run(model, asGenerateSends(test.input()), test.stream(), timeout);
        } catch (ActionFailure f) {
            TestStatus status = f.kind() == ActionFailure.Kind.TIMEOUT ? TestStatus.TIMEOUT : TestStatus.ERROR;
            return new Attempt(status, f.getMessage(), f.kind().retryable, f.retryAfter(), null, null);
        }
        if (test.stream() && result.chunks().isEmpty()) {
            return failed("Streaming requested but no chunks received.", result);
        }
        ModelResponse response = new ModelResponse(result.response(), result.chunks());
        for (ValidatorRef ref : test.validators()) {
            try {
                validators.check(response, ref);
            } catch (ValidationFailure f) {
                return failed(ref + ": " + f.getMessage(), result);
            }
        }
        return new Attempt(TestStatus.PASSED, null, false, null, result.latencyMs(), result.firstChunkMs());
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

    private static Attempt failed(String message, ActionResult result) {
        return new Attempt(TestStatus.FAILED, message, true, null, result.latencyMs(), result.firstChunkMs());
    }
}
