package conform.runner;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.Locale;

/** The verdict on one plugin run, derived from its tests' verdicts unless its runtime failed or conform was stopped. */
public enum RunStatus {
    /** Every test's verdict is acceptable, and at least one test passed. */
    PASSED,
    /**
     * Every test is a recorded known failure (or skipped) and none passed: acceptable, like a pass, but shown apart
     * everywhere so nobody reads it as a working plugin.
     */
    XFAIL,
    /** Some test's verdict is not acceptable. */
    FAILED,
    /** The runtime failed to start or died. */
    ERROR,
    /** Not run. */
    SKIPPED,
    /** Stopped by Ctrl-C or SIGTERM before every test had its verdict. */
    INTERRUPTED;

    /** PASSED, XFAIL or FAILED, as {@link TestStatus#acceptable()} judges the tests. */
    public static RunStatus of(Collection<TestResult> tests) {
        if (!tests.stream().allMatch(t -> t.status().acceptable())) return FAILED;
        boolean nonePassed = tests.stream().noneMatch(TestResult::passed);
        return nonePassed && tests.stream().anyMatch(t -> t.status() == TestStatus.XFAIL) ? XFAIL : PASSED;
    }

    /** Whether this run lets the whole check pass. */
    public boolean acceptable() {
        return this == PASSED || this == XFAIL || this == SKIPPED;
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
