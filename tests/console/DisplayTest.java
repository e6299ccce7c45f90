package conform.console;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.Diagnostic;
import conform.diag.SourceLocation;
import conform.redact.Redactor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Colour decisions, tables, diagnostics, locations and suggestions: what every printed line is made of. */
class DisplayTest {

    @Test
    void colourOnlyOnATerminal() {
        assertTrue(Style.colorWanted(false, Map.of(), true));
        assertFalse(Style.colorWanted(false, Map.of(), false));
    }

    @Test
    void colourOffForTheFlagNoColorCiAndDumbTerminals() {
        assertFalse(Style.colorWanted(true, Map.of(), true));
        assertFalse(Style.colorWanted(false, Map.of("NO_COLOR", "1"), true));
        assertFalse(Style.colorWanted(false, Map.of("CI", "true"), true));
        assertFalse(Style.colorWanted(false, Map.of("TERM", "dumb"), true));
        assertTrue(Style.colorWanted(false, Map.of("NO_COLOR", ""), true), "an empty NO_COLOR does not count");
        assertTrue(Style.colorWanted(false, Map.of("CI", "false"), true));
    }

    @Test
    void plainStyleAddsNothing() {
        Style plain = Style.plain();
        assertEquals("x", plain.red("x"));
        assertEquals("x", plain.bold("x"));
        assertEquals("x", plain.dim("x"));
        assertFalse(plain.enabled());
    }

    @Test
    void colouredStyleAddsCodesThatDoNotCountTowardWidth() {
        String red = Style.colored().red("abc");
        assertNotEquals("abc", red);
        assertTrue(red.contains("\u001B["));
        assertEquals(3, Style.visibleLength(red));
        assertEquals(1, Style.visibleLength("●"));
    }

    @Test
    void tablesAlignColumns() {
        List<String> lines = new Table("A", "Long header")
                .row("wide cell", "x")
                .row("y", "z")
                .render(Style.plain());
        assertEquals("  A          Long header", lines.get(0));
        assertEquals("  ─────────  ───────────", lines.get(1));
        assertEquals("  wide cell  x", lines.get(2));
        assertEquals("  y          z", lines.get(3));
    }

    @Test
    void tablesAlignColouredCells() {
        List<String> lines = new Table("A", "B")
                .row(Style.colored().green("ok"), "1")
                .row("longer", "2")
                .render(Style.plain());
        String coloured = lines.get(2).replaceAll("\u001B\\[[0-9;]*m", "");
        assertEquals(lines.get(3).indexOf('2'), coloured.indexOf('1'), "the second column starts at the same place");
    }

    @Test
    void tablesRejectRaggedRows() {
        assertThrows(IllegalArgumentException.class, () -> new Table("A", "B").row("only one"));
        assertEquals(0, new Table("A").size());
    }

    @Test
    void diagnosticsRenderLikeRustc() {
        Diagnostic d = Diagnostic.error("E0102", "bad value")
                .at(new SourceLocation(Path.of("/x/conform.toml"), 3, 15))
                .note("because")
                .hint("fix it");
        assertEquals(
                List.of(
                        "error[E0102]: bad value",
                        "  --> /x/conform.toml:3:15",
                        "   = note: because",
                        "   = hint: fix it"),
                DiagnosticView.render(d, Style.plain()));
    }

    @Test
    void diagnosticsOmitWhatTheyLack() {
        assertEquals(
                List.of("warning[W0001]: skipped"),
                DiagnosticView.render(Diagnostic.warning("W0001", "skipped"), Style.plain()));
        assertEquals(
                List.of("error[E1]: m", "   = hint: h"),
                DiagnosticView.render(Diagnostic.error("E1", "m").hint("h"), Style.plain()));
    }

    @Test
    void multiLineNotesAreIndented() {
        List<String> lines = DiagnosticView.render(Diagnostic.error("E1", "m").note("one\ntwo"), Style.plain());
        assertEquals(List.of("error[E1]: m", "   = note: one", "           two"), lines);
    }

    @Test
    void consoleRedactsEverything() {
        var out = new StringWriter();
        var err = new StringWriter();
        Console console = new Console(
                new PrintWriter(out),
                new PrintWriter(err),
                Style.plain(),
                Redactor.fromEnvironment(Map.of("SECRET_1_KEY", "supersecretvalue"), List.of()));
        console.out("a supersecretvalue b");
        console.diagnostic(Diagnostic.error("E1", "leaked supersecretvalue"));
        assertEquals("a *** b" + System.lineSeparator(), out.toString());
        assertTrue(err.toString().contains("leaked ***"));
        assertFalse(err.toString().contains("supersecretvalue"));
    }
}
