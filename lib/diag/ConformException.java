package conform.diag;

/**
 * An error the user can act on (bad flag, config, spec or selection, a place conform cannot use). It carries a
 * {@link Diagnostic} and an exit code, so the CLI prints a clear message and never a stack trace.
 */
public class ConformException extends RuntimeException {

    private final transient Diagnostic diagnostic;
    private final ExitCode exitCode;

    public ConformException(Diagnostic diagnostic) {
        this(diagnostic, ExitCode.USAGE, null);
    }

    public ConformException(Diagnostic diagnostic, ExitCode exitCode, Throwable cause) {
        super(diagnostic.message(), cause);
        this.diagnostic = diagnostic;
        this.exitCode = exitCode;
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
