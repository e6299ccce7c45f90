package conform.runner;

/**
 * The outcome of one test of one model in one plugin run.
 *
 * @param attempts     model calls made, over all retries and the serial re-run
 * @param flaky        passed, but only after at least one failed attempt
 * @param error        the last failure's message, or null when passed
 * @param latencyMs    duration of the last model call, or null when none completed
 * @param firstChunkMs for streamed tests, time to the first chunk of the last call
 */
public record TestResult(String plugin, String runtime, String model, String test, TestStatus status, int attempts,
                         boolean flaky, String error, Long latencyMs, Long firstChunkMs) {

    public static TestResult skipped(String plugin, String runtime, String model, String test, String reason) {
        return new TestResult(plugin, runtime, model, test, TestStatus.SKIPPED, 0, false, reason, null, null);
    }

    public boolean passed() {
        return status == TestStatus.PASSED;
    }
}
