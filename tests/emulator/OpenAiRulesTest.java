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

/** Each rule of OpenAiRules, over HTTP: refused with OpenAI's status and error document, naming the rule. */
class OpenAiRulesTest {

    private static final String PROFILE = "'properties':{'name':{'type':'string'},'age':{'type':'number'}}";
    private static EmulatorHttp http;

    @BeforeAll
    static void start() {
        http = EmulatorHttp.start(EmulatorDialect.OPENAI, List.of("gpt-4o", "tts-1"));
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "required-fields  | 400 | /v1/chat/completions | {'model':'gpt-4o'} | Missing required parameter:"
                        + " 'messages'.",
                "known-model      | 404 | /v1/chat/completions | {'model':'gpt-9','messages':[]}"
                        + " | The model `gpt-9` does not exist or you do not have access to it.",
                "known-fields     | 400 | /v1/chat/completions | {'model':'gpt-4o','messages':[],'temprature':1}"
                        + " | Unrecognized request argument supplied: temprature",
                "roles            | 400 | /v1/chat/completions |"
                        + " {'model':'gpt-4o','messages':[{'role':'model','content':'x'}]} | Invalid value: 'model'."
                        + " Supported values are:",
                "tool-call-id     | 400 | /v1/chat/completions |"
                    + " {'model':'gpt-4o','messages':[{'role':'user','content':'w?'},{'role':'tool','content':'21C'}]}"
                    + " | Missing required parameter: 'messages[1].tool_call_id'.",
                "tool-call-id     | 400 | /v1/chat/completions |"
                    + " {'model':'gpt-4o','messages':[{'role':'user','content':'w?'},"
                    + "{'role':'assistant','tool_calls':[{'id':'call_1','type':'function','function':{'name':'w','arguments':'{}'}}]},{'role':'tool','tool_call_id':'call_2','content':'21C'}]}"
                    + " | Invalid parameter: messages with role 'tool' must be a response to a preceeding message with"
                    + " 'tool_calls'",
                "response-format  | 400 | /v1/chat/completions |"
                        + " {'model':'gpt-4o','messages':[],'response_format':{'type':'xml'}} | Invalid value: 'xml'.",
                "json-schema-name | 400 | /v1/chat/completions |"
                    + " {'model':'gpt-4o','messages':[],'response_format':{'type':'json_schema','json_schema':{'schema':{'type':'object'}}}}"
                    + " | Missing required parameter: 'response_format.json_schema.name'.",
                "json-schema-name | 400 | /v1/chat/completions |"
                    + " {'model':'gpt-4o','messages':[],'response_format':{'type':'json_schema','json_schema':{'name':'a"
                    + " profile','schema':{'type':'object'}}}} | Invalid 'response_format.json_schema.name'",
                "strict-schema    | 400 | /v1/chat/completions |"
                    + " {'model':'gpt-4o','messages':[],'response_format':{'type':'json_schema',"
                    + "'json_schema':{'name':'p','strict':true,'schema':{'type':'object','required':['name','age']}}}}"
                    + " | Invalid schema for response_format 'p': In context=(), 'additionalProperties' is required to"
                    + " be supplied and to be false.",
                "strict-schema    | 400 | /v1/chat/completions |"
                    + " {'model':'gpt-4o','messages':[],'response_format':{'type':'json_schema',"
                    + "'json_schema':{'name':'p','strict':true,'schema':{'type':'object','additionalProperties':false,"
                    + "'properties':{'who':{'type':'object','additionalProperties':false,'properties':{'name':{'type':'string'}}}},'required':['who']}}}}"
                    + " | Invalid schema for response_format 'p': In context=('properties', 'who'), 'required' is"
                    + " required to be supplied and to be an array including every key in properties. Missing 'name'.",
                "required-fields  | 400 | /v1/audio/speech | {'model':'tts-1','input':'Say hello.'} | Missing required"
                        + " parameter: 'voice'."
            })
    void refusesWhatTheApiRefuses(String rule, int status, String path, String request, String says) throws Exception {
        HttpResponse<String> r = http.post(path, EmulatorHttp.quoted(request));
        assertEquals(status, r.statusCode(), r.body());
        JsonNode error = EmulatorHttp.json(r.body()).path("error");
        assertEquals("invalid_request_error", error.path("type").asText(), r.body());
        assertTrue(error.has("param") && error.has("code"), r.body());
        String message = error.path("message").asText();
        assertTrue(message.startsWith(says), message);
        assertTrue(message.endsWith("[conform emulator rule openai/" + rule + "]"), message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "a dated snapshot | {'model':'gpt-4o-2024-08-06','messages':[{'role':'user','content':'hi'}]}",
                "a strict schema as the SDK makes it | {'model':'gpt-4o','messages':[{'role':'user','content':'hi'}],"
                    + "'response_format':{'type':'json_schema','json_schema':{'name':'profile','strict':true,'schema':{'type':'object',"
                    + "'additionalProperties':false," + PROFILE + ",'required':['name','age']}}}}",
                "a tool result for an earlier call | {'model':'gpt-4o','messages':[{'role':'user','content':'w?'},"
                    + "{'role':'assistant','tool_calls':[{'id':'call_1','type':'function','function':{'name':'w','arguments':'{}'}}]},"
                    + "{'role':'tool','tool_call_id':'call_1','content':'21C'}]}"
            })
    void takesWhatTheApiTakes(String what, String request) throws Exception {
        HttpResponse<String> r = http.post("/v1/chat/completions", EmulatorHttp.quoted(request));
        assertEquals(200, r.statusCode(), r.body());
    }
}
