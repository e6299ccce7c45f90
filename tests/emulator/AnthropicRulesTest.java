package conform.emulator;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import conform.config.EmulatorDialect;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of AnthropicRules, over HTTP: refused with Anthropic's status and error document, naming the rule. */
class AnthropicRulesTest {

    private static EmulatorHttp http;

    @BeforeAll
    static void start() {
        http = EmulatorHttp.start(
                EmulatorDialect.ANTHROPIC, List.of("claude-sonnet-4-5"), "anthropic-version", "2023-06-01");
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    /** {@code request} in single-quoted JSON; {@code messages} stands for one user message saying hello. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "max-tokens            | 400 | invalid_request_error |"
                    + " {'model':'claude-sonnet-4-5','messages':[{'role':'user','content':'hi'}]} | max_tokens: Field"
                    + " required",
                "required-fields       | 400 | invalid_request_error | {'max_tokens':9,'messages':[]} | model: Field"
                        + " required",
                "required-fields       | 400 | invalid_request_error | {'model':'claude-sonnet-4-5','max_tokens':9} |"
                        + " messages: Field required",
                "image-bytes           | 400 | invalid_request_error |"
                    + " {'model':'claude-sonnet-4-5','max_tokens':9,'messages':[{'role':'user','content':[{'type':'image',"
                    + "'source':{'type':'base64','media_type':'image/png','data':'aHR0cHM6Ly9leGFtcGxlLmNvbS9hLnBuZw=='}}]}]}"
                    + " | messages.0.content.0.image.source.base64.data: the image was specified using the image/png"
                    + " media type, but does not appear to be a valid png image",
                "image-bytes           | 400 | invalid_request_error |"
                    + " {'model':'claude-sonnet-4-5','max_tokens':9,'messages':[{'role':'user','content':[{'type':'image','source':{'type':'base64','media_type':'image/tiff','data':'aGk='}}]}]}"
                    + " | messages.0.content.0.image.source.base64.data: media_type image/tiff is not one of",
                "known-model           | 404 | not_found_error | {'model':'claude-9','max_tokens':9,'messages':[]}"
                        + " | model: claude-9",
                "known-fields          | 400 | invalid_request_error |"
                    + " {'model':'claude-sonnet-4-5','max_tokens':9,'messages':[],'temprature':1} | temprature: Extra"
                    + " inputs are not permitted",
                "roles                 | 400 | invalid_request_error |"
                        + " {'model':'claude-sonnet-4-5','max_tokens':9,'messages':[{'role':'tool','content':'x'}]} |"
                        + " messages.0.role: Input should be 'user', 'assistant' or 'system'",
                "content-blocks        | 400 | invalid_request_error |"
                    + " {'model':'claude-sonnet-4-5','max_tokens':9,'messages':[{'role':'user','content':[{'type':'text'}]}]}"
                    + " | messages.0.content.0.text.text: Field required",
                "content-blocks        | 400 | invalid_request_error |"
                    + " {'model':'claude-sonnet-4-5','max_tokens':9,'messages':[{'role':'user','content':[{'type':'picture'}]}]}"
                    + " | messages.0.content.0: Input tag 'picture'",
                "content-blocks        | 400 | invalid_request_error |"
                    + " {'model':'claude-sonnet-4-5','max_tokens':9,'messages':[{'role':'user','content':[{'type':'image','source':{'type':'url'}}]}]}"
                    + " | messages.0.content.0.image.source.url.url: Field required",
                "tool-result-answers-tool-use | 400 | invalid_request_error |"
                    + " {'model':'claude-sonnet-4-5','max_tokens':9,'messages':["
                    + "{'role':'user','content':'weather?'},{'role':'assistant','content':[{'type':'tool_use','id':'toolu_1','name':'w','input':{}}]},{'role':'user','content':[{'type':'tool_result','tool_use_id':'toolu_2','content':'21C'}]}]}"
                    + " | messages.2.content.0: unexpected `tool_use_id` found in `tool_result` blocks: toolu_2.",
                "thinking-budget       | 400 | invalid_request_error |"
                        + " {'model':'claude-sonnet-4-5','max_tokens':2000,'messages':[{'role':'user','content':'hi'}],"
                        + "'thinking':{'type':'enabled','budget_tokens':100}} | thinking.enabled.budget_tokens: Input"
                        + " should be greater than or equal to 1024",
                "thinking-budget       | 400 | invalid_request_error |"
                        + " {'model':'claude-sonnet-4-5','max_tokens':2000,'messages':[{'role':'user','content':'hi'}],"
                        + "'thinking':{'type':'enabled','budget_tokens':4000}} | `max_tokens` must be greater than"
                        + " `thinking.budget_tokens`"
            })
    void refusesWhatTheMessagesApiRefuses(String rule, int status, String type, String request, String says)
            throws Exception {
        HttpResponse<String> r = http.post("/v1/messages", EmulatorHttp.quoted(request));
        assertEquals(status, r.statusCode(), r.body());
        JsonNode error = EmulatorHttp.json(r.body());
        assertEquals("error", error.path("type").asText(), r.body());
        assertEquals(type, error.at("/error/type").asText(), r.body());
        String message = error.at("/error/message").asText();
        assertTrue(message.startsWith(says), message);
        assertTrue(message.endsWith("[conform emulator rule anthropic/" + rule + "]"), message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "a dated snapshot of a served model |"
                    + " {'model':'claude-sonnet-4-5-20250929','max_tokens':9,'messages':[{'role':'user','content':'hi'}]}",
                "consecutive user turns, which the API combines |"
                        + " {'model':'claude-sonnet-4-5','max_tokens':9,'messages':["
                        + "{'role':'user','content':'hi'},{'role':'user','content':'there'}]}",
                "a tool result for the previous message's call |"
                    + " {'model':'claude-sonnet-4-5','max_tokens':9,'messages':["
                    + "{'role':'user','content':'weather?'},{'role':'assistant','content':[{'type':'tool_use','id':'toolu_1','name':'w','input':{}}]},"
                    + "{'role':'user','content':[{'type':'tool_result','tool_use_id':'toolu_1','content':'21C'}]}]}"
            })
    void takesWhatTheApiTakes(String what, String request) throws Exception {
        HttpResponse<String> r = http.post("/v1/messages", EmulatorHttp.quoted(request));
        assertEquals(200, r.statusCode(), r.body());
    }
}
