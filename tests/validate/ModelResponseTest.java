package conform.validate;

import static conform.validate.Responses.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelResponseTest {

    @Test
    void contentComesFromTheMessage() {
        assertEquals("hi", parts("{'text':'hi'}").text());
    }

    @Test
    void contentFallsBackToTheFirstCandidate() {
        ModelResponse r = ModelResponse.of(json("{'candidates':[{'message':{'content':[{'text':'old'}]}}]}"));
        assertEquals("old", r.text());
    }

    @Test
    void noMessageMeansNoContent() {
        assertTrue(ModelResponse.of(json("{'finishReason':'stop'}")).content().isEmpty());
        assertTrue(ModelResponse.of(json("{'candidates':[]}")).content().isEmpty());
        assertTrue(ModelResponse.of(null).content().isEmpty());
    }

    @Test
    void textJoinsAllTextPartsSkippingOthers() {
        assertEquals(
                "ab",
                parts("{'reasoning':'hmm'}", "{'text':'a'}", "{'toolRequest':{'name':'t'}}", "{'text':'b'}")
                        .text());
    }

    @Test
    void noTextPartsGiveEmptyText() {
        assertEquals("", parts("{'media':{'url':'x'}}").text());
    }

    @Test
    void firstPartFollowsJavaScriptTruthiness() {
        assertTrue(parts("{'reasoning':''}").firstPart("reasoning").isEmpty(), "an empty string is falsy");
        assertTrue(parts("{'media':null}").firstPart("media").isEmpty());
        assertTrue(parts("{'media':{}}").firstPart("media").isPresent(), "an object is truthy");
        assertEquals(
                "second",
                parts("{'text':''}", "{'text':'second'}")
                        .firstPart("text")
                        .orElseThrow()
                        .get("text")
                        .asText());
    }

    @Test
    void streamedTextJoinsAllChunksAndParts() {
        ModelResponse r = streamed(text("x"), "[{'text':'Hel'},{'text':'lo'}]", "[]", "[{'text':' there'}]");
        assertEquals("Hello there", r.streamedText());
    }

    @Test
    void chunksWithNullContentAreTolerated() {
        ModelResponse r = new ModelResponse(
                text("x").response(), List.of(json("{'content':null}"), json("{'content':[{'text':'a'}]}")));
        assertEquals("a", r.streamedText());
        assertFalse(r.anyChunkHas("toolRequest"));
    }

    @Test
    void requireContentNamesTheResponse() {
        ValidationFailure f = assertThrows(
                ValidationFailure.class, () -> ModelResponse.of(json("{'x':1}")).requireContent());
        assertTrue(f.getMessage().startsWith("Response missing message content. Full response:"), f.getMessage());
        assertTrue(f.getMessage().contains("\"x\" : 1"));
    }
}
