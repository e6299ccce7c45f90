package conform.runner;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The verdict on one test, and the one place that decides which verdicts fail a run. */
public enum TestStatus {
    /** Every validator passed. */
    PASSED,
    /** The model answered, and a validator rejected the answer. */
    FAILED,
    /** The model action failed: an error from the runtime, the provider or the connection. */
    ERROR,
    /** No complete answer within the action timeout. */
    TIMEOUT,
    /** Not run: missing env vars, toolchain or entry, or an earlier failure of its runtime. */
    SKIPPED,
    /** Did not pass, as recorded in [[conform.known-failures]]: the plugin's own bug, which does not fail the run. */
    XFAIL,
    /** Passed although recorded as a known failure: the record is stale, and the run fails until it is removed. */
    XPASS,
    /** No verdict: conform was stopped (Ctrl-C, SIGTERM) before the test finished. */
    INTERRUPTED;

    /** The name in results.json and every report. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this verdict lets the run pass. */
    public boolean acceptable() {
        return this == PASSED || this == XFAIL || this == SKIPPED;
    }
}
