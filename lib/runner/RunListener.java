package conform.runner;

import conform.config.TestId;
import java.time.Duration;

/** What a run reports as it goes, for live output. Every callback may come from any thread. */
public interface RunListener {

    /** A plugin run is starting its runtime. */
    default void runStarting(String plugin, String runtime, int tests) {}

    /** The runtime is up and tests begin. */
    default void runRunning(String plugin, String runtime, long startupMs) {}

    /** A note about the run (lazily registered models, a serial re-run). */
    default void note(String plugin, String runtime, String message) {}

    /** A test failed and will be tried again after {@code wait}. */
    default void retrying(TestId test, int retry, int maxRetries, String error, Duration wait) {}

    /** A test's final result (each test is reported exactly once). */
    default void testFinished(TestResult result) {}

    /** A plugin run is over. */
    default void runFinished(RunResult result) {}

    /** A line from elsewhere in the run (the emulator's request log with -v), shown with the progress. */
    default void log(String line) {}
}
