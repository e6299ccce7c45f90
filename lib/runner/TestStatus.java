package conform.runner;

/** The verdict on one test. */
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
    SKIPPED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
