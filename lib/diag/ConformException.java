package conform.diag;

/**
 * An error the user can fix (bad flag, config, spec or selection). It carries a {@link Diagnostic} and an exit
 * code, so the CLI prints a clear message and never a stack trace.
 */
public class ConformException extends RuntimeException {

    /** Usage, configuration or spec errors, and runs that select nothing. */
    public static final int USAGE = 2;

    private final transient Diagnostic diagnostic;
    private final int exitCode;

    public ConformException(Diagnostic diagnostic) {
        this(diagnostic, USAGE, null);
    }

    public ConformException(Diagnostic diagnostic, int exitCode, Throwable cause) {
        super(diagnostic.message(), cause);
        this.diagnostic = diagnostic;
        this.exitCode = exitCode;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }

    public int exitCode() {
        return exitCode;
    }
}
