package conform.emulator;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import conform.config.EmulatorDialect;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tool calls as a model makes them: the choice honoured, the tool the prompt names, arguments from the prompt. */
class ToolCallsTest {

    private static final String TOOLS = "'tools':[{'type':'function','function':{'name':'get_weather','parameters':"
            + "{'type':'object','properties':{'city':{'type':'string'},'unit':{'enum':['celsius','fahrenheit']}},"
            + "'required':['city','unit']}}},{'type':'function','function':{'name':'get_time','parameters':"
            + "{'type':'object','properties':{'timezone':{'type':'string'}},'required':['timezone']}}}]";
    private static EmulatorHttp http;

    @BeforeAll
    static void start() {
        http = EmulatorHttp.start(EmulatorDialect.OPENAI, List.of("gpt-4o"));
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static JsonNode message(String prompt, String more) throws Exception {
        JsonNode r = EmulatorHttp.json(http.post(
                        "/v1/chat/completions",
                        EmulatorHttp.quoted("{'model':'gpt-4o','messages':[{'role':'user','content':'" + prompt + "'}],"
                                + TOOLS + more + "}"))
                .body());
        return r.at("/choices/0/message");
    }

    @Test
    void callsTheToolThePromptNamesWithArgumentsFromThePrompt() throws Exception {
        JsonNode call = message("What is the weather in San Francisco?", "").at("/tool_calls/0/function");
        assertEquals("get_weather", call.path("name").asText());
        JsonNode args = EmulatorHttp.json(call.path("arguments").asText());
        assertEquals("San Francisco", args.path("city").asText());
        assertEquals("celsius", args.path("unit").asText());
        assertEquals(
                "get_time",
                message("What time is it in Tokyo?", "")
                        .at("/tool_calls/0/function/name")
                        .asText());
    }

    @Test
    void honoursTheToolChoice() throws Exception {
        assertTrue(
                message("Greet me, please.", "").path("tool_calls").isMissingNode(),
                "auto, and no tool asked for: text");
        assertEquals(
                "get_weather",
                message("Greet me, please.", ",'tool_choice':'required'")
                        .at("/tool_calls/0/function/name")
                        .asText());
        assertEquals(
                "get_time",
                message(
                                "What is the weather in Paris?",
                                ",'tool_choice':{'type':'function','function':{'name':'get_time'}}")
                        .at("/tool_calls/0/function/name")
                        .asText());
        JsonNode none = message("What is the weather in Paris?", ",'tool_choice':'none'");
        assertTrue(
                none.path("tool_calls").isMissingNode() && none.path("content").isTextual(), none.toString());
    }
}
