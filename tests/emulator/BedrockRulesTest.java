package conform.emulator;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import conform.config.EmulatorDialect;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rule of BedrockRules, over HTTP: refused with the status, {@code x-amzn-ErrorType} and {@code {"__type",
 * "message"}} botocore reads a REST-JSON error from, naming the rule.
 */
class BedrockRulesTest {

    private static final String CONVERSE = BedrockDialectTest.CONVERSE;
    private static EmulatorHttp http;

    @BeforeAll
    static void start() {
        http = EmulatorHttp.start(
                EmulatorDialect.BEDROCK, List.of(BedrockDialectTest.MODEL), "Authorization", BedrockDialectTest.SIGNED);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    /** {@code request} in single-quoted JSON, to {@link #CONVERSE} unless {@code path} names another model. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "known-model   | 404 | ResourceNotFoundException | /model/titan-9/converse |"
                        + " {'messages':[{'role':'user','content':[{'text':'hi'}]}]} | Could not resolve the foundation"
                        + " model from the provided model identifier titan-9.",
                "known-fields  | 400 | ValidationException | | {'messages':[],'temperature':1} | Unknown parameter in"
                        + " input: \"temperature\"",
                "roles         | 400 | ValidationException | |"
                    + " {'messages':[{'role':'system','content':[{'text':'hi'}]}]} | messages.0.role: Value 'system'"
                    + " failed to satisfy constraint",
                "content-blocks | 400 | ValidationException | | {'messages':[{'role':'user','content':'hi'}]} |"
                        + " messages.0.content: Member must not be null",
                "content-blocks | 400 | ValidationException | |"
                        + " {'messages':[{'role':'user','content':[{'text':'hi','image':{}}]}]} | messages.0.content.0:"
                        + " a content block must set exactly one of",
                "content-blocks | 400 | ValidationException | | {'messages':[{'role':'user','content':[{'text':'w?'}]},"
                        + "{'role':'assistant','content':[{'toolUse':{'toolUseId':'t1','input':{}}}]}]} |"
                        + " messages.1.content.0.toolUse.name: Member must not be null",
                "content-blocks | 400 | ValidationException | | {'messages':[{'role':'user','content':[{'text':'w?'}]},"
                        + "{'role':'assistant','content':[{'toolUse':{'toolUseId':'t1','name':'w','input':{}}}]},"
                        + "{'role':'user','content':[{'toolResult':{'toolUseId':'t1'}}]}]} |"
                        + " messages.2.content.0.toolResult.content: Member must not be null",
                "tool-result-answers-tool-use | 400 | ValidationException | |"
                    + " {'messages':[{'role':'user','content':[{'toolResult':{'toolUseId':'t1','content':[{'text':'21C'}]}}]}]}"
                    + " | The toolResult blocks at messages.0.content.0 contain a toolUseId (t1)"
            })
    void refusesWhatTheConverseApiRefuses(
            String rule, int status, String type, String path, String request, String says) throws Exception {
        HttpResponse<String> r = http.post(path == null ? CONVERSE : path, EmulatorHttp.quoted(request));
        assertRefused(r, status, type, says, rule);
    }

    @Test
    void refusesARequestWithoutASignature() throws Exception {
        // botocore signs every request (botocore/auth.py); the emulator takes any signature, but not none.
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(java.net.URI.create(http.url() + CONVERSE))
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[]}"))
                .build());
        assertRefused(r, 403, "AccessDeniedException", "Missing Authentication Token", "signed");
    }

    private static void assertRefused(HttpResponse<String> r, int status, String type, String says, String rule) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(type, r.headers().firstValue("x-amzn-ErrorType").orElse(""), r.body());
        JsonNode error = EmulatorHttp.json(r.body());
        assertEquals(type, error.path("__type").asText(), r.body());
        String message = error.path("message").asText();
        assertTrue(message.startsWith(says), message);
        assertTrue(message.endsWith("[conform emulator rule bedrock/" + rule + "]"), message);
    }
}
