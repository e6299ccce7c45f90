package conform.runner;

import com.fasterxml.jackson.annotation.JsonProperty;
import conform.config.TestId;
import java.util.function.UnaryOperator;

/**
 * The outcome of one test of one model in one plugin run; also its entry in results.json.
 *
 * @param attempts     model calls made, over all retries and the serial re-run
 * @param flaky        passed, but only after at least one failed attempt
 * @param error        the last failure's message, or null when passed
 * @param latencyMs    duration of the last model call, or null when none completed
 * @param firstChunkMs for streamed tests, time to the first chunk of the last call
 */
public record TestResult(
        @JsonProperty(required = true) String plugin,
        @JsonProperty(required = true) String runtime,
        @JsonProperty(required = true) String model,
        @JsonProperty(required = true) String test,
        @JsonProperty(required = true) TestStatus status,
        int attempts,
        boolean flaky,
        String error,
        @JsonProperty("latency_ms") Long latencyMs,
        @JsonProperty("first_chunk_ms") Long firstChunkMs) {

    public TestResult(
            TestId id,
            TestStatus status,
            int attempts,
            boolean flaky,
            String error,
            Long latencyMs,
            Long firstChunkMs) {
        this(id.plugin(), id.runtime(), id.model(), id.test(), status, attempts, flaky, error, latencyMs, firstChunkMs);
    }

    public static TestResult skipped(TestId id, String reason) {
        return new TestResult(id, TestStatus.SKIPPED, 0, false, reason, null, null);
    }

    /** Which test this is: results, reruns and known failures name tests by it. */
    public TestId id() {
        return new TestId(plugin, runtime, model, test);
    }

    public boolean passed() {
        return status == TestStatus.PASSED;
    }

    public TestResult with(TestStatus newStatus, String newError) {
        return new TestResult(id(), newStatus, attempts, flaky, newError, latencyMs, firstChunkMs);
    }

    /** The same result with its error text passed through {@code edit} (redaction). */
    public TestResult mapText(UnaryOperator<String> edit) {
        return with(status, edit.apply(error));
    }
}
