package conform.spec;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.ExitCode;
import conform.support.TempProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** YAML syntax errors in the user's terms, at the place to fix, instead of SnakeYAML's parser states. */
class SyntaxErrorTest {

    @RegisterExtension
    private final TempProject project = TempProject.create();

    private Diagnostic fails(String yaml) {
        project.write("s.yaml", yaml);
        ConformException e = assertThrows(ConformException.class, () -> SourceTree.parse(project.path("s.yaml")));
        assertEquals(ExitCode.USAGE, e.exitCode());
        return e.diagnostic();
    }

    @Test
    void aTabUsedForIndentationIsNamedAtItsLine() {
        Diagnostic d = fails("- model: a\n  tests:\n\t- name: x\n");
        assertEquals("invalid YAML: a tab at line 3 where YAML needs spaces", d.message());
        assertEquals(3, d.location().line());
        assertEquals(1, d.location().column());
        assertTrue(d.hint().contains("indent with spaces"), d.hint());
    }

    @Test
    void anUnclosedListSaysWhereItOpenedAndWhatWasExpected() {
        Diagnostic d = fails("- model: a\n  supports: [multiturn, system-role\n- model: b\n");
        assertEquals(
                "invalid YAML: the list opened with `[` at line 2 is not closed: expected `,` or `]`, found `:` at"
                        + " line 3",
                d.message());
        assertEquals(2, d.location().line());
        assertEquals(13, d.location().column());
    }

    @Test
    void anUnclosedMappingAtTheEndOfTheFileSaysSo() {
        Diagnostic d = fails("- model: a\n  tests:\n    - input: {messages: []\n");
        assertEquals(
                "invalid YAML: the mapping opened with `{` at line 3 is not closed: expected `,` or `}`, found the"
                        + " end of the file at line 4",
                d.message());
        assertEquals(3, d.location().line());
        assertEquals(14, d.location().column());
    }

    @Test
    void otherSyntaxErrorsKeepTheParsersWordsAndItsContext() {
        Diagnostic d = fails("model: \"a\n");
        assertEquals("invalid YAML: found unexpected end of stream", d.message());
        assertTrue(d.note().startsWith("while scanning a quoted scalar that starts at "), d.note());
        assertTrue(d.note().endsWith("s.yaml:1:8"), d.note());
    }
}
