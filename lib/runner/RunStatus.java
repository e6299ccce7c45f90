package conform.runner;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.Locale;

/** The verdict on one plugin run, derived from its tests' verdicts unless its runtime failed. */
public enum RunStatus {
    /** Every test's verdict is acceptable. */
    PASSED,
    /** Some test's verdict is not. */
    FAILED,
    /** The runtime failed to start or died. */
    ERROR,
    /** Not run. */
    SKIPPED;

    /** PASSED or FAILED, as {@link TestStatus#acceptable()} judges the tests. */
    public static RunStatus of(Collection<TestResult> tests) {
        return tests.stream().allMatch(t -> t.status().acceptable()) ? PASSED : FAILED;
    }

    /** Whether this run lets the whole check pass. */
    public boolean acceptable() {
        return this == PASSED || this == SKIPPED;
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
