package conform.emulator;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import conform.config.EmulatorDialect;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Ollama's rules over HTTP: a model not pulled is a 404; a message without a role or images that are not base64
 * a 400 (no model: OllamaDialectTest); each as {"error": "..."}. */
class OllamaRulesTest {

    private static EmulatorHttp http;

    @BeforeAll
    static void start() {
        http = EmulatorHttp.start(EmulatorDialect.OLLAMA, List.of("gemma3"));
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static String error(int status, String request) throws Exception {
        HttpResponse<String> r = http.post("/api/chat", EmulatorHttp.quoted(request));
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = EmulatorHttp.json(r.body());
        assertEquals(1, body.size(), "only {\"error\": …}: " + r.body());
        return body.path("error").asText();
    }

    @Test
    void aModelNotPulledIsNotFound() throws Exception {
        assertEquals(
                "model \"llama9\" not found, try pulling it first [conform emulator rule ollama/known-model]",
                error(404, "{'model':'llama9','stream':false,'messages':[{'role':'user','content':'hi'}]}"));
        assertEquals(
                200,
                http.post(
                                "/api/chat",
                                EmulatorHttp.quoted(
                                        "{'model':'gemma3:latest','stream':false,'messages':[{'role':'user','content':'hi'}]}"))
                        .statusCode(),
                "an untagged model is served as :latest");
    }

    @Test
    void aMessageWithoutARoleIsRefused() throws Exception {
        assertEquals(
                "messages[0]: role is required (Message.role in _types.py) [conform emulator rule ollama/roles]",
                error(400, "{'model':'gemma3','stream':false,'messages':[{'content':'hi'}]}"));
    }

    @Test
    void imagesAreBase64NotUrls() throws Exception {
        assertEquals(
                "illegal base64 data in `images`: Ollama takes base64 image data only, not URLs or data URIs (got"
                        + " \"https://example.com/a.png\") [conform emulator rule ollama/images-base64]",
                error(
                        400,
                        "{'model':'gemma3','stream':false,'messages':[{'role':'user','content':'hi',"
                                + "'images':['https://example.com/a.png']}]}"));
    }
}
