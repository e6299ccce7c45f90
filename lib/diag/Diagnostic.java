package conform.diag;

/** A message for the user: what went wrong, where, why, and what to do (the console renders it). */
public record Diagnostic(
        Severity severity, String code, String message, SourceLocation location, String note, String hint) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public static Diagnostic error(String code, String message) {
        return new Diagnostic(Severity.ERROR, code, message, null, null, null);
    }

    public static Diagnostic warning(String code, String message) {
        return new Diagnostic(Severity.WARNING, code, message, null, null, null);
    }

    public Diagnostic at(SourceLocation where) {
        return new Diagnostic(severity, code, message, where, note, hint);
    }

    public Diagnostic note(String text) {
        return new Diagnostic(severity, code, message, location, text, hint);
    }

    public Diagnostic hint(String text) {
        return new Diagnostic(severity, code, message, location, note, text);
    }
}
