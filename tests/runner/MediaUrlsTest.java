package conform.runner;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import conform.validate.Responses;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A test's media URLs as a run sends them: offline, the built-in tests' image URLs become the emulator's. */
class MediaUrlsTest {

    @Test
    void replacesTheMappedMediaUrlsOnlyAndLeavesTheTestAsItWas() {
        JsonNode input = Responses.json("{'messages':[{'role':'user','content':[{'text':'What is this logo?'},"
                + "{'media':{'url':'https://example.com/logo.png','contentType':'image/png'}},"
                + "{'media':{'url':'https://example.com/other.png'}}]}]}");
        JsonNode sent = TestExecutor.withMediaUrls(
                input, Map.of("https://example.com/logo.png", "http://127.0.0.1:9/conform/media/logo.png"));
        assertEquals(
                "http://127.0.0.1:9/conform/media/logo.png",
                sent.at("/messages/0/content/1/media/url").asText());
        assertEquals(
                "image/png", sent.at("/messages/0/content/1/media/contentType").asText());
        assertEquals(
                "https://example.com/other.png",
                sent.at("/messages/0/content/2/media/url").asText());
        assertEquals(
                "https://example.com/logo.png",
                input.at("/messages/0/content/1/media/url").asText());
        assertSame(input, TestExecutor.withMediaUrls(input, Map.of()), "nothing to replace: the input itself");
    }
}
