package conform.console;

import conform.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Diagnostic} as the terminal shows it, in the style of rustc:
 *
 * <pre>
 * error[E0102]: `concurrency` must be an integer from 1 to 64, got 0
 *   --> conform.toml:3:15
 *    = note: ...
 *    = hint: ...
 * </pre>
 */
public final class DiagnosticView {

    private DiagnosticView() {}

    public static List<String> render(Diagnostic d, Style style) {
        List<String> lines = new ArrayList<>();
        String label = d.severity() == Diagnostic.Severity.ERROR
                ? style.error("error[" + d.code() + "]")
                : style.warn("warning[" + d.code() + "]");
        lines.add(label + style.bold(": " + d.message()));
        if (d.location() != null) lines.add(style.blue("  --> ") + d.location());
        String note = d.note();
        if (note != null && !note.isBlank())
            note.lines().findFirst().ifPresent(first -> {
                lines.add(style.blue("   = ") + style.bold("note: ") + first);
                note.lines().skip(1).forEach(more -> lines.add("           " + more));
            });
        if (d.hint() != null && !d.hint().isBlank()) lines.add(style.blue("   = ") + style.bold("hint: ") + d.hint());
        return lines;
    }
}
