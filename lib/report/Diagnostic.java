package conform.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A message for the user in the style of rustc: what went wrong, where, why, and what to do.
 *
 * <pre>
 * error[E0102]: `concurrency` must be an integer of at least 1, got 0
 *   --> conform.toml:3:15
 *    = note: ...
 *    = hint: ...
 * </pre>
 */
public record Diagnostic(Severity severity, String code, String message, SourceLocation location, String note, String hint) {

    public enum Severity { ERROR, WARNING }

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

    public List<String> render(Style style) {
        List<String> lines = new ArrayList<>();
        String label = severity == Severity.ERROR ? style.error("error[" + code + "]") : style.warn("warning[" + code + "]");
        lines.add(label + style.bold(": " + message));
        if (location != null) lines.add(style.blue("  --> ") + location);
        if (note != null && !note.isBlank()) note.lines().findFirst().ifPresent(first -> {
            lines.add(style.blue("   = ") + style.bold("note: ") + first);
            note.lines().skip(1).forEach(more -> lines.add("           " + more));
        });
        if (hint != null && !hint.isBlank()) lines.add(style.blue("   = ") + style.bold("hint: ") + hint);
        return lines;
    }
}
