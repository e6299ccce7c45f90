package conform.validate;

import static conform.validate.Responses.*;
import static org.junit.jupiter.api.Assertions.*;

import conform.spec.ValidatorRef;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each of the 10 validators: what passes, what fails, and the message a user reads. */
class ValidatorsTest {

    private static final ValidatorRegistry REGISTRY = ValidatorRegistry.builtins();

    private static void passes(String spec, ModelResponse response) {
        assertDoesNotThrow(() -> REGISTRY.check(response, ValidatorRef.parse(spec)), spec);
    }

    private static String fails(String spec, ModelResponse response) {
        return assertThrows(ValidationFailure.class, () -> REGISTRY.check(response, ValidatorRef.parse(spec)), spec)
                .getMessage();
    }

    @Nested
    class TextIncludes {
        @Test
        void matchesIgnoringCase() {
            passes("text-includes:genkit", text("I see GENKIT here"));
        }

        @Test
        void withoutArgAnyTextPasses() {
            passes("text-includes", text("x"));
        }

        @Test
        void missingSubstringFails() {
            assertEquals(
                    "Response text does not include 'Genkit'. Text: hello",
                    fails("text-includes:Genkit", text("hello")));
        }

        @Test
        void emptyTextFails() {
            assertTrue(fails("text-includes:x", text("")).contains("no text"));
        }

        @Test
        void argKeepsLaterColons() {
            passes("text-includes:a:b", text("xa:bx"));
        }

        @Test
        void textAfterAReasoningPartCounts() {
            passes("text-includes:Genkit", parts("{'reasoning':'thinking'}", "{'text':'Genkit'}"));
        }
    }

    @Nested
    class TextStartsWith {
        @Test
        void prefixPasses() {
            passes("text-starts-with:RESPONSE:", text("RESPONSE: hello"));
        }

        @Test
        void leadingWhitespaceIsIgnored() {
            passes("text-starts-with:RESPONSE:", text("\n  RESPONSE: hello"));
        }

        @Test
        void isCaseSensitive() {
            assertTrue(fails("text-starts-with:RESPONSE:", text("response: hi"))
                    .contains("does not start with 'RESPONSE:'"));
        }

        @Test
        void prefixLaterInTextFails() {
            assertTrue(fails("text-starts-with:RESPONSE:", text("Sure. RESPONSE: hi"))
                    .contains("does not start with"));
        }

        @Test
        void emptyTextFails() {
            assertTrue(fails("text-starts-with:X", parts()).contains("no text"));
        }
    }

    @Nested
    class TextNotEmpty {
        @Test
        void textPasses() {
            passes("text-not-empty", text("1, 2, 3"));
        }

        @Test
        void whitespaceFails() {
            assertEquals("Response text is empty", fails("text-not-empty", text(" \n\t")));
        }

        @Test
        void noTextPartFails() {
            assertEquals("Response text is empty", fails("text-not-empty", parts("{'toolRequest':{'name':'t'}}")));
        }
    }

    @Nested
    class ValidJson {
        @Test
        void objectPasses() {
            passes("valid-json", text("{\"name\":\"John\",\"age\":3}"));
        }

        @Test
        void arrayPasses() {
            passes("valid-json", text("[1,2]"));
        }

        @Test
        void jsonSplitOverPartsPasses() {
            passes("valid-json", parts("{'text':'{\\\"a\\\":'}", "{'text':'1}'}"));
        }

        @Test
        void proseFails() {
            assertTrue(fails("valid-json", text("Here you go: {}"))
                    .startsWith("Response text is not valid JSON. Text: Here"));
        }

        @Test
        void nanIsNotJson() {
            assertTrue(fails("valid-json", text("{\"a\": NaN}")).contains("not valid JSON"));
        }

        @Test
        void trailingTextIsNotJson() {
            assertTrue(fails("valid-json", text("{} and more")).contains("not valid JSON"));
        }

        @Test
        void markdownFenceIsNotJson() {
            assertTrue(fails("valid-json", text("```json\n{}\n```")).contains("not valid JSON"));
        }

        @Test
        void noTextFails() {
            assertTrue(fails("valid-json", parts("{'media':{'url':'x'}}"))
                    .startsWith("Model did not return text content for JSON"));
        }

        @Test
        void noContentFails() {
            assertTrue(fails("valid-json", ModelResponse.of(json("{}"))).contains("missing message content"));
        }
    }

    @Nested
    class HasToolRequest {
        @Test
        void namedRequestPasses() {
            passes("has-tool-request:weather", parts("{'toolRequest':{'name':'weather','input':{'city':'NY'}}}"));
        }

        @Test
        void anyRequestPassesWithoutArg() {
            passes("has-tool-request", parts("{'text':'calling'}", "{'toolRequest':{'name':'x'}}"));
        }

        @Test
        void noRequestFails() {
            assertTrue(fails("has-tool-request:weather", text("It is sunny"))
                    .startsWith("Model did not return a tool request. Content:"));
        }

        @Test
        void wrongNameFails() {
            assertEquals(
                    "Expected tool request 'search', got 'weather'",
                    fails("has-tool-request:search", parts("{'toolRequest':{'name':'weather'}}")));
        }

        @Test
        void onlyTheFirstRequestCounts() {
            assertTrue(
                    fails("has-tool-request:b", parts("{'toolRequest':{'name':'a'}}", "{'toolRequest':{'name':'b'}}"))
                            .contains("got 'a'"));
        }

        @Test
        void noContentFails() {
            assertTrue(fails("has-tool-request", ModelResponse.of(json("{'message':{}}")))
                    .contains("missing message content"));
        }
    }

    @Nested
    class ValidMedia {
        @Test
        void imageDataUrlPasses() {
            passes(
                    "valid-media:image",
                    parts("{'media':{'url':'data:image/png;base64,AAAA','contentType':'image/png'}}"));
        }

        @Test
        void imageHttpUrlPasses() {
            passes("valid-media:image", parts("{'media':{'url':'https://example.com/cat.png'}}"));
        }

        @Test
        void audioPasses() {
            passes(
                    "valid-media:audio",
                    parts("{'media':{'url':'data:audio/wav;base64,AAAA','contentType':'audio/wav'}}"));
        }

        @Test
        void missingContentTypePasses() {
            passes("valid-media:audio", parts("{'media':{'url':'data:x'}}"));
        }

        @Test
        void anyMediaPassesWithoutArg() {
            passes("valid-media", parts("{'media':{'url':'whatever'}}"));
        }

        @Test
        void noMediaFails() {
            assertEquals("Model did not return image part.", fails("valid-media:image", text("a cat")));
        }

        @Test
        void noMediaWithoutArgFails() {
            assertEquals("Model did not return media part.", fails("valid-media", text("a cat")));
        }

        @Test
        void wrongTypeFails() {
            assertEquals(
                    "Expected image content type, got audio/wav",
                    fails(
                            "valid-media:image",
                            parts("{'media':{'url':'data:audio/wav;base64,A','contentType':'audio/wav'}}")));
        }

        @Test
        void missingUrlFails() {
            assertEquals(
                    "Media part missing URL",
                    fails("valid-media:image", parts("{'media':{'contentType':'image/png'}}")));
        }

        @Test
        void nonImageDataUrlFails() {
            assertEquals(
                    "Invalid data URL content type for image",
                    fails("valid-media:image", parts("{'media':{'url':'data:text/plain;base64,AAAA'}}")));
        }

        @Test
        void malformedHttpUrlFails() {
            assertTrue(fails("valid-media:image", parts("{'media':{'url':'http://bad host/x.png'}}"))
                    .startsWith("Invalid URL"));
        }

        @Test
        void unknownSchemeFails() {
            assertEquals(
                    "Unknown URL format: gs://bucket/cat.png",
                    fails("valid-media:image", parts("{'media':{'url':'gs://bucket/cat.png'}}")));
        }
    }

    @Nested
    class Reasoning {
        @Test
        void reasoningPartPasses() {
            passes("reasoning", parts("{'reasoning':'Bananas cost 3...'}", "{'text':'10'}"));
        }

        @Test
        void emptyReasoningFails() {
            assertEquals("reasoning content not found", fails("reasoning", parts("{'reasoning':''}", "{'text':'10'}")));
        }

        @Test
        void noReasoningFails() {
            assertEquals("reasoning content not found", fails("reasoning", text("10")));
        }

        @Test
        void noContentFails() {
            assertEquals("Response is missing message content", fails("reasoning", ModelResponse.of(json("{}"))));
        }
    }

    @Nested
    class StreamTextIncludes {
        @Test
        void textAcrossChunksPasses() {
            passes(
                    "stream-text-includes:Genkit",
                    streamed(text("x"), "[{'text':'Your name is Gen'}]", "[{'text':'kit.'}]"));
        }

        @Test
        void isCaseSensitive() {
            assertTrue(fails("stream-text-includes:Genkit", streamed(text("x"), "[{'text':'genkit'}]"))
                    .startsWith("Streaming response did not include 'Genkit'"));
        }

        @Test
        void noChunksFails() {
            assertEquals(
                    "Streaming expected but no chunks were received",
                    fails("stream-text-includes:Genkit", text("Genkit")));
        }

        @Test
        void anyChunksPassWithoutArg() {
            passes("stream-text-includes", streamed(text("x"), "[{'text':'a'}]"));
        }
    }

    @Nested
    class StreamHasToolRequest {
        private final ModelResponse finalCall = parts("{'toolRequest':{'name':'weather'}}");

        @Test
        void chunkRequestPasses() {
            passes("stream-has-tool-request:weather", streamed(finalCall, "[{'toolRequest':{'name':'weather'}}]"));
        }

        @Test
        void noRequestInChunksFails() {
            assertEquals(
                    "No tool request found in the streamed chunks",
                    fails("stream-has-tool-request", streamed(finalCall, "[{'text':'hm'}]")));
        }

        @Test
        void finalResponseMustNameTheTool() {
            assertTrue(
                    fails("stream-has-tool-request:search", streamed(finalCall, "[{'toolRequest':{'name':'weather'}}]"))
                            .contains("Expected tool request 'search'"));
        }

        @Test
        void noChunksFails() {
            assertTrue(fails("stream-has-tool-request", finalCall).contains("no chunks"));
        }
    }

    @Nested
    class StreamValidJson {
        @Test
        void jsonAcrossChunksPasses() {
            passes(
                    "stream-valid-json",
                    streamed(text("x"), "[{'text':'{\\\"name\\\":'}]", "[{'text':'\\\"Wick\\\",\\\"rating\\\":5}'}]"));
        }

        @Test
        void brokenJsonFails() {
            assertTrue(fails("stream-valid-json", streamed(text("x"), "[{'text':'{\\\"name\\\":'}]"))
                    .startsWith("Streamed text is not valid JSON: {"));
        }

        @Test
        void noTextFails() {
            assertEquals(
                    "Streamed response contained no text",
                    fails("stream-valid-json", streamed(text("x"), "[{'toolRequest':{'name':'t'}}]")));
        }

        @Test
        void noChunksFails() {
            assertTrue(fails("stream-valid-json", text("{}")).contains("no chunks"));
        }
    }
}
