package conform.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Model metadata as the three runtimes list it (shapes from their GET /api/actions, 2026-12: JS leaves unset fields
 * out, Python 0.12 leaves out nulls, Go writes every field with its zero value) normalises to one record, so only
 * real differences remain.
 */
class SupportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ModelRecord record(String action) throws Exception {
        JsonNode node = JSON.readTree(action);
        return ModelRecord.of("/model/" + node.get("name").asText(), node, Registration.LISTED);
    }

    private static final String JS = """
        {"key":"/model/anthropic/claude-sonnet-4","name":"anthropic/claude-sonnet-4","metadata":{"model":{
         "label":"anthropic/claude-sonnet-4","supports":{"multiturn":true,"tools":true,"media":true,"systemRole":true,
         "output":["text"]}}}}\
        """;
    private static final String PYTHON = """
        {"key":"/model/anthropic/claude-sonnet-4","name":"anthropic/claude-sonnet-4","type":"model","metadata":{"model":{
         "label":"Anthropic - Claude Sonnet 4","supports":{"media":true,"multiturn":true,"systemRole":true,"tools":true},
         "versions":["claude-sonnet-4-20250514"]}}}\
        """;
    private static final String GO = """
        {"type":"model","key":"/model/anthropic/claude-sonnet-4","name":"anthropic/claude-sonnet-4","description":"",
         "metadata":{"model":{"label":"","stage":"stable","supports":{"constrained":"none","contentType":null,
         "context":false,"longRunning":false,"media":true,"multiturn":true,"output":null,"systemRole":true,
         "toolChoice":true,"tools":true},"versions":[]}}}\
        """;

    @Test
    void absentNullAndZeroValuesMeanTheSame() throws Exception {
        Supports js = record(JS).supports();
        Supports python = record(PYTHON).supports();
        Supports go = record(GO).supports();
        assertEquals(List.of("output"), js.differingFields(python), "JS declares output [text], Python nothing");
        assertEquals(List.of("toolChoice"), python.differingFields(go), "Go declares toolChoice, Python leaves it out");
        assertEquals("none", go.constrained());
        assertEquals("none", js.constrained(), "absent constrained is none");
        assertEquals(List.of(), go.list("contentType"), "null list is empty");
        assertEquals("—", go.display("output"));
        assertEquals("text", js.display("output"));
    }

    @Test
    void labelStageAndVersionsAreNormalisedToo() throws Exception {
        ModelRecord go = record(GO);
        assertNull(go.label(), "an empty label is none");
        assertEquals("stable", go.stage());
        assertEquals(List.of(), go.versions());
        ModelRecord python = record(PYTHON);
        assertEquals("Anthropic - Claude Sonnet 4", python.label());
        assertNull(python.stage());
        assertEquals(List.of("claude-sonnet-4-20250514"), python.versions());
    }

    @Test
    void listsAreSortedAndUnknownFieldsKept() throws Exception {
        Supports s = Supports.of(JSON.readTree("""
            {"output":["text","json_mode","structured_outputs"],"constrained":"","longRunning":null,"tools":"yes",
             "custom":{"a":1},"experimental":true}\
            """));
        assertEquals(List.of("json_mode", "structured_outputs", "text"), s.list("output"));
        assertEquals("none", s.constrained(), "an empty constrained (Go's unset value) is none");
        assertEquals(false, s.fields().get("longRunning"));
        assertEquals(false, s.fields().get("tools"), "a flag that is not a boolean is not declared");
        assertEquals(true, s.fields().get("experimental"));
        assertEquals("{\"a\":1}", s.fields().get("custom"));
        assertEquals(
                List.of("custom", "experimental"),
                s.differingFields(Supports.of(null)).stream()
                        .filter(f -> !f.equals("output"))
                        .toList());
    }

    @Test
    void featuresAreReadFromEveryRuntimesVocabulary() throws Exception {
        Supports pythonOpenAi = Supports.of(JSON.readTree("{\"output\":[\"json_mode\",\"text\"]}"));
        Supports goGemini = Supports.of(JSON.readTree("{\"constrained\":\"no-tools\",\"output\":null}"));
        Supports goAnthropic = Supports.of(JSON.readTree("{\"constrained\":\"none\",\"output\":null}"));
        assertEquals(true, Feature.JSON_OUTPUT.declaredBy(pythonOpenAi));
        assertEquals(true, Feature.JSON_OUTPUT.declaredBy(goGemini));
        assertEquals(false, Feature.JSON_OUTPUT.declaredBy(goAnthropic));
        assertEquals(true, Feature.MEDIA_OUTPUT.declaredBy(Supports.of(JSON.readTree("{\"output\":[\"media\"]}"))));
    }
}
