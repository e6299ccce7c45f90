package conform.runner;

import java.nio.file.Path;
import java.util.List;

/**
 * One plugin in one runtime, after the run.
 *
 * @param status  PASSED (every test passed), FAILED (some test did not), ERROR (the runtime failed to start
 *                or died), SKIPPED (not run)
 * @param error   why it errored or was skipped, else null
 * @param startupMs from starting the entry until its models were ready, or null when it did not start
 * @param testsMs   from the first test's start until the last test's result, or null when no test ran
 * @param logTail   the end of the runtime's log when it failed to start or died, else empty
 */
public record RunResult(String plugin, String runtime, Status status, String error, List<TestResult> tests,
                        long elapsedMs, Long startupMs, Long testsMs, Path log, List<String> logTail) {

    public enum Status { PASSED, FAILED, ERROR, SKIPPED }

    public long count(TestStatus status) {
        return tests.stream().filter(t -> t.status() == status).count();
    }

    public long flakyCount() {
        return tests.stream().filter(TestResult::flaky).count();
    }
}
