package conform.diag;

/** How conform ends, in one place: every command and error maps to one of these, and the README lists them. */
public enum ExitCode {
    /** What was selected ran, and every verdict is acceptable (passed, a known failure, or skipped). */
    OK(0),
    /** A test failed, errored or timed out, a known failure passed (a stale record), or check-plugin found a gap. */
    FAILED(1),
    /** conform cannot do what was asked: a bad flag, config, spec or selection, nothing to test, or a place it cannot use. */
    USAGE(2),
    /** A bug in conform: it says so and asks for a report, so CI can tell it from a failing plugin. */
    INTERNAL(3),
    /** Stopped by Ctrl-C (SIGINT), as a shell reports it: what finished is written, the rest marked interrupted. */
    INTERRUPTED(130),
    /** Stopped by SIGTERM, likewise. */
    TERMINATED(143);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
