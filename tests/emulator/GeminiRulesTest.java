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

/** Each rule of GeminiRules, over HTTP: refused with Google's status and error document, naming the rule. */
class GeminiRulesTest {

    private static final String FLASH = "/v1beta/models/gemini-2.5-flash:generateContent";
    private static final String HI = "'contents':[{'role':'user','parts':[{'text':'hi'}]}]";
    private static final String CALL =
            "{'role':'user','parts':[{'text':'w?'}]},{'role':'model','parts':[{'functionCall':{'name':'w','args':{}}}]}";
    private static EmulatorHttp http;

    @BeforeAll
    static void start() {
        http = EmulatorHttp.start(EmulatorDialect.GEMINI, List.of("gemini-2.5-flash"), "x-goog-api-key", "k");
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
                "known-model     | 404 | NOT_FOUND | /v1/models/gemini-9:generateContent | {" + HI
                        + "} | models/gemini-9"
                        + " is not found"
                        + " for API version"
                        + " v1, or is not"
                        + " supported for"
                        + " generateContent.",
                "known-fields    | 400 | INVALID_ARGUMENT | " + FLASH + " | {" + HI + ",'temperature':1}"
                        + " | Invalid JSON payload received. Unknown name \"temperature\": Cannot find field.",
                "required-fields | 400 | INVALID_ARGUMENT | " + FLASH + " | {'contents':[]}"
                        + " | * GenerateContentRequest.contents: contents is not specified",
                "roles           | 400 | INVALID_ARGUMENT | " + FLASH
                        + " | {'contents':[{'role':'system','parts':[{'text':'hi'}]}]}"
                        + " | Please use a valid role: user, model.",
                "function-response-follows-call | 400 | INVALID_ARGUMENT | " + FLASH
                        + " | {'contents':[{'role':'user','parts':[{'functionResponse':{'name':'w','response':{'c':1}}}]}]}"
                        + " | Please ensure that function response turn comes immediately after a function call turn.",
                "function-response-follows-call | 400 | INVALID_ARGUMENT | " + FLASH + " | {'contents':[" + CALL
                        + ",{'role':'user','parts':[{'functionResponse':{'name':'w','response':{}}},{'functionResponse':{'name':'w','response':{}}}]}]}"
                        + " | Please ensure that function response turn comes immediately after a function call turn.",
                "schema-subset   | 400 | INVALID_ARGUMENT | " + FLASH + " | {" + HI
                        + ",'generationConfig':{'responseMimeType':'application/json',"
                        + "'responseSchema':{'type':'object','properties':{'name':{'type':'string','const':'x'}}}}} |"
                        + " Invalid JSON payload received. Unknown name \"const\" at"
                        + " 'generation_config.response_schema.properties[name].value': Cannot find field.",
                "schema-subset   | 400 | INVALID_ARGUMENT | " + FLASH + " | {" + HI
                        + ",'generationConfig':{'responseSchema':{'type':['string','null']}}} | Invalid JSON payload"
                        + " received. Invalid value at 'generation_config.response_schema.type'"
            })
    void refusesWhatTheApiRefuses(String rule, int status, String code, String path, String request, String says)
            throws Exception {
        HttpResponse<String> r = http.post(path, EmulatorHttp.quoted(request));
        assertEquals(status, r.statusCode(), r.body());
        JsonNode error = EmulatorHttp.json(r.body()).path("error");
        assertEquals(status, error.path("code").asInt(), r.body());
        assertEquals(code, error.path("status").asText(), r.body());
        String message = error.path("message").asText();
        assertTrue(message.startsWith(says), message);
        assertTrue(message.endsWith("[conform emulator rule gemini/" + rule + "]"), message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "snake_case fields, as REST takes them | {'contents':[{'role':'user','parts':[{'text':'hi'}]}],"
                    + "'generation_config':{'response_mime_type':'application/json','response_schema':{'type':'OBJECT','property_ordering':[]}}}",
                "a function response after its call | {'contents':[" + CALL
                        + ",{'role':'user','parts':[{'functionResponse':{'name':'w','response':{'c':1}}}]}]}",
                "a full JSON schema as responseJsonSchema | {" + HI
                        + ",'generationConfig':{'responseMimeType':'application/json',"
                        + "'responseJsonSchema':{'type':['string','null'],'const':'x'}}}"
            })
    void takesWhatTheApiTakes(String what, String request) throws Exception {
        HttpResponse<String> r = http.post(FLASH, EmulatorHttp.quoted(request));
        assertEquals(200, r.statusCode(), r.body());
    }
}
