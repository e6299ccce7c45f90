package conform.console;

import conform.diag.Diagnostic;
import conform.redact.Redactor;
import java.io.PrintWriter;

/**
 * Where conform writes for people: results on {@code out}, diagnostics and progress on {@code err}.
 * Every line passes through the {@link Redactor}, so no key or data URI is printed whatever the caller forgets.
 */
public final class Console {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Style style;
    private final Redactor redactor;

    public Console(PrintWriter out, PrintWriter err, Style style, Redactor redactor) {
        this.out = out;
        this.err = err;
        this.style = style;
        this.redactor = redactor;
    }

    public Style style() {
        return style;
    }

    public Redactor redactor() {
        return redactor;
    }

    public void out(String line) {
        out.println(redactor.redact(line));
        out.flush();
    }

    public void err(String line) {
        err.println(redactor.redact(line));
        err.flush();
    }

    public void diagnostic(Diagnostic diagnostic) {
        DiagnosticView.render(diagnostic, style).forEach(this::err);
        err("");
    }
}
