package conform.spec;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import conform.diag.ConformException;
import conform.diag.SourceLocation;
import conform.support.TempProject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A spec as genkit dev:test-model --from-file reads it, and what it cannot carry. */
class CanonicalSpecTest {

    @RegisterExtension
    private final TempProject project = TempProject.create();

    private PluginSpec load(String yaml) {
        project.write("specs/p.yaml", yaml);
        return SpecLoaderTest.LOADER.load("p", project.path("specs/p.yaml"));
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void builtInsGoBySupportsAndCustomTestsAsTheyAre() throws Exception {
        JsonNode spec = json(CanonicalSpec.render(load("""
            - model: a/default
            - model: a/custom
              supports: [multiturn]
              tests:
                - name: Counts
                  stream: true
                  input: {messages: [{role: user, content: [{text: "Count"}]}], config: {temperature: 0}}
                  validators: ["stream-text-includes:1", text-not-empty]
            - model: a/none
              tests: [{name: Only, input: {messages: [{role: user, content: [{text: hi}]}]}}]
            """)));
        assertEquals(3, spec.size());
        assertEquals(9, spec.at("/0/supports").size(), "the default nine, written out");
        assertFalse(spec.get(0).has("tests"));
        assertEquals("[\"multiturn\"]", spec.at("/1/supports").toString());
        JsonNode custom = spec.at("/1/tests/0");
        assertEquals("Counts", custom.get("name").asText());
        assertTrue(custom.get("stream").asBoolean());
        assertEquals(
                "[\"stream-text-includes:1\",\"text-not-empty\"]",
                custom.get("validators").toString());
        assertEquals(
                json(
                        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Count\"}]}],\"config\":{\"temperature\":0}}"),
                custom.get("input"));
        assertEquals("[]", spec.at("/2/supports").toString(), "an explicit empty list: no built-ins, as in conform");
    }

    @Test
    void aValidatorTheCliDoesNotHaveIsAnErrorNamingTheSuite() {
        SourceLocation at = new SourceLocation(Path.of("specs/p.yaml"), 3, 3);
        TestCase mine = new TestCase(
                "Mine",
                null,
                false,
                JsonNodeFactory.instance.objectNode(),
                List.of(ValidatorRef.parse("my-check:x")),
                null);
        PluginSpec spec =
                new PluginSpec("p", Path.of("specs/p.yaml"), List.of(new Suite("a/b", List.of(mine), at)), List.of());
        ConformException e = assertThrows(ConformException.class, () -> CanonicalSpec.render(spec));
        assertEquals(
                "the suite for `a/b` in the spec of `p` cannot run under genkit dev:test-model: its test \"Mine\" uses"
                        + " `my-check`, a validator genkit dev:test-model does not have",
                e.diagnostic().message());
        assertEquals(at, e.diagnostic().location());
    }

    @Test
    void namesTheClisLinesCannotTellApartAreErrors() {
        ConformException dash = assertThrows(ConformException.class, () -> CanonicalSpec.render(load("""
            - model: a/b
              tests:
                - {name: Tool, input: {messages: [{role: user, content: [{text: hi}]}]}}
                - {name: Tool - streaming, input: {messages: [{role: user, content: [{text: hi}]}]}}
            """)));
        assertTrue(
                dash.getMessage().contains("\"Tool\" and \"Tool - streaming\" cannot be told apart"),
                dash.getMessage());
        ConformException lines = assertThrows(ConformException.class, () -> CanonicalSpec.render(load("""
            - model: a/b
              tests:
                - {name: "two\\nlines", input: {messages: [{role: user, content: [{text: hi}]}]}}
            """)));
        assertTrue(lines.getMessage().contains("\"two\\nlines\" has a line break"), lines.getMessage());
        assertEquals(1, lines.diagnostic().location().line());
    }
}
