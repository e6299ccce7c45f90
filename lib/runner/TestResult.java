package conform.runner;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
@JsonPropertyOrder({
    "plugin",
    "runtime",
    "model",
    "test",
    "status",
    "attempts",
    "flaky",
    "error",
    "latency_ms",
    "first_chunk_ms"
})
public record TestResult(
        @JsonIgnore TestId id,
        TestStatus status,
        int attempts,
        boolean flaky,
        String error,
        @JsonProperty("latency_ms") Long latencyMs,
        @JsonProperty("first_chunk_ms") Long firstChunkMs) {

    @JsonCreator
    static TestResult read(
            @JsonProperty(value = "plugin", required = true) String plugin,
            @JsonProperty(value = "runtime", required = true) String runtime,
            @JsonProperty(value = "model", required = true) String model,
            @JsonProperty(value = "test", required = true) String test,
            @JsonProperty(value = "status", required = true) TestStatus status,
            @JsonProperty("attempts") int attempts,
            @JsonProperty("flaky") boolean flaky,
            @JsonProperty("error") String error,
            @JsonProperty("latency_ms") Long latencyMs,
            @JsonProperty("first_chunk_ms") Long firstChunkMs) {
        return new TestResult(
                new TestId(plugin, runtime, model, test), status, attempts, flaky, error, latencyMs, firstChunkMs);
    }

    public static TestResult skipped(TestId id, String reason) {
        return new TestResult(id, TestStatus.SKIPPED, 0, false, reason, null, null);
    }

    @JsonProperty
    public String plugin() {
        return id.plugin();
    }

    @JsonProperty
    public String runtime() {
        return id.runtime();
    }

    @JsonProperty
    public String model() {
        return id.model();
    }

    @JsonProperty
    public String test() {
        return id.test();
    }

    public boolean passed() {
        return status == TestStatus.PASSED;
    }

    public TestResult with(TestStatus newStatus, String newError) {
        return new TestResult(id, newStatus, attempts, flaky, newError, latencyMs, firstChunkMs);
    }

    /** The same result with its error text passed through {@code edit} (redaction). */
    public TestResult mapText(UnaryOperator<String> edit) {
        return with(status, edit.apply(error));
    }
}
