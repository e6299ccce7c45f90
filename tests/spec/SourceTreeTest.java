package conform.spec;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ConformException;
import conform.support.TempProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SourceTreeTest {

    @RegisterExtension
    private final TempProject project = TempProject.create();

    private SourceTree parse(String name, String text) {
        project.write(name, text);
        return SourceTree.parse(project.path(name));
    }

    @Test
    void recordsTheLineOfEveryNode() {
        SourceTree tree = parse("s.yaml", """
            - model: a
              tests:
                - name: first
                  input:
                    messages: []
            """);
        assertEquals(1, tree.location("/0/model").line());
        assertEquals(3, tree.location("/0/tests/0").line());
        assertEquals(5, tree.location("/0/tests/0/input/messages").line());
    }

    @Test
    void anUnlocatedPointerFallsBackToItsParent() {
        SourceTree tree = parse("s.yaml", "- model: a\n  supports: [x]\n");
        assertEquals(2, tree.location("/0/supports/9/deeper").line());
    }

    @Test
    void expandsYamlAliases() {
        SourceTree tree = parse("s.yaml", """
            - model: a
              supports: &caps [multiturn, system-role]
            - model: b
              supports: *caps
            """);
        assertEquals(tree.root().get(0).get("supports"), tree.root().get(1).get("supports"));
        assertEquals("system-role", tree.root().get(1).get("supports").get(1).asText());
    }

    @Test
    void unknownAliasIsAnError() {
        assertThrows(ConformException.class, () -> parse("s.yaml", "- model: a\n  supports: *nothing\n"));
    }

    @Test
    void duplicateKeysAreErrorsWithTheirLine() {
        ConformException e = assertThrows(ConformException.class, () -> parse("s.yaml", "- model: a\n  model: b\n"));
        assertEquals("E0201", e.diagnostic().code());
        assertEquals(2, e.diagnostic().location().line());
    }

    @Test
    void yamlSyntaxErrorsNameTheLine() {
        ConformException e = assertThrows(
                ConformException.class, () -> parse("s.yaml", "- model: a\n  supports: [x, y\n- model: b\n"));
        assertTrue(e.getMessage().startsWith("invalid YAML"), e.getMessage());
        assertTrue(
                e.diagnostic().location().line() >= 2, e.diagnostic().location().toString());
    }

    @Test
    void parsesJsonWithLocations() {
        SourceTree tree = parse("s.json", "[\n  {\"model\": \"a\",\n   \"supports\": [\"multiturn\"]}\n]");
        assertEquals("a", tree.root().get(0).get("model").asText());
        assertEquals(3, tree.location("/0/supports").line());
    }

    @Test
    void jsonSyntaxErrorsNameTheLine() {
        ConformException e = assertThrows(ConformException.class, () -> parse("s.json", "[\n{\"model\": }\n]"));
        assertTrue(e.getMessage().startsWith("invalid JSON"), e.getMessage());
        assertEquals(2, e.diagnostic().location().line());
    }

    @Test
    void keepsNumberAndBooleanTypes() {
        SourceTree tree = parse("s.yaml", "a: 3\nb: 2.5\nc: true\nd: null\ne: '3'\n");
        assertTrue(tree.root().get("a").isIntegralNumber());
        assertTrue(tree.root().get("b").isFloatingPointNumber());
        assertTrue(tree.root().get("c").isBoolean());
        assertTrue(tree.root().get("d").isNull());
        assertTrue(tree.root().get("e").isTextual());
    }

    @Test
    void anEmptyFileIsMissing() {
        assertTrue(parse("s.yaml", "").root().isMissingNode());
    }
}
