package conform.validate;

import static conform.validate.Responses.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import conform.spec.ValidatorRef;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each of the 10 validators: what passes, what fails, and the message a user reads. */
class ValidatorsTest {

    private static final ValidatorRegistry REGISTRY = ValidatorRegistry.builtins();

    /** How a failure's message must read: the whole of it, or how it starts, or a part of it. */
    enum Reads {
        EXACTLY,
        STARTING_WITH,
        CONTAINING;

        void check(String expected, String message) {
            switch (this) {
                case EXACTLY -> assertEquals(expected, message);
                case STARTING_WITH -> assertTrue(message.startsWith(expected), message);
                case CONTAINING -> assertTrue(message.contains(expected), message);
            }
        }
    }

    /** What passes: the case, the validator spec and the response. */
    static Stream<Arguments> passing() {
        ModelResponse finalCall = parts("{'toolRequest':{'name':'weather'}}");
        return Stream.of(
                arguments("the word in upper case", "text-includes:genkit", text("I see GENKIT here")),
                arguments("any text, without an arg", "text-includes", text("x")),
                arguments("text with a:b, as the arg keeps later colons", "text-includes:a:b", text("xa:bx")),
                arguments(
                        "text after a reasoning part",
                        "text-includes:Genkit",
                        parts("{'reasoning':'thinking'}", "{'text':'Genkit'}")),
                arguments("text starting with the prefix", "text-starts-with:RESPONSE:", text("RESPONSE: hello")),
                arguments("the prefix after whitespace", "text-starts-with:RESPONSE:", text("\n  RESPONSE: hello")),
                arguments(
                        "the prefix after JS whitespace Java's strip() keeps",
                        "text-starts-with:RESPONSE:",
                        text("\uFEFF\u00A0\u202F RESPONSE: hello")),
                arguments("some text", "text-not-empty", text("1, 2, 3")),
                arguments("an object", "valid-json", text("{\"name\":\"John\",\"age\":3}")),
                arguments("an array", "valid-json", text("[1,2]")),
                arguments("JSON split over parts", "valid-json", parts("{'text':'{\\\"a\\\":'}", "{'text':'1}'}")),
                arguments(
                        "the named request",
                        "has-tool-request:weather",
                        parts("{'toolRequest':{'name':'weather','input':{'city':'NY'}}}")),
                arguments(
                        "any request, without an arg",
                        "has-tool-request",
                        parts("{'text':'calling'}", "{'toolRequest':{'name':'x'}}")),
                arguments(
                        "an image data URL",
                        "valid-media:image",
                        parts("{'media':{'url':'data:image/png;base64,AAAA','contentType':'image/png'}}")),
                arguments(
                        "an image http URL",
                        "valid-media:image",
                        parts("{'media':{'url':'https://example.com/cat.png'}}")),
                arguments(
                        "an http URL without slashes, which new URL() accepts",
                        "valid-media:image",
                        parts("{'media':{'url':'http:example.com/cat.png'}}")),
                arguments(
                        "audio",
                        "valid-media:audio",
                        parts("{'media':{'url':'data:audio/wav;base64,AAAA','contentType':'audio/wav'}}")),
                arguments("media without a content type", "valid-media:audio", parts("{'media':{'url':'data:x'}}")),
                arguments("any media, without an arg", "valid-media", parts("{'media':{'url':'whatever'}}")),
                arguments("a reasoning part", "reasoning", parts("{'reasoning':'Bananas cost 3...'}", "{'text':'10'}")),
                arguments(
                        "text across chunks",
                        "stream-text-includes:Genkit",
                        streamed(text("x"), "[{'text':'Your name is Gen'}]", "[{'text':'kit.'}]")),
                arguments("any chunks, without an arg", "stream-text-includes", streamed(text("x"), "[{'text':'a'}]")),
                arguments(
                        "a request in a chunk",
                        "stream-has-tool-request:weather",
                        streamed(finalCall, "[{'toolRequest':{'name':'weather'}}]")),
                arguments(
                        "JSON across chunks",
                        "stream-valid-json",
                        streamed(
                                text("x"),
                                "[{'text':'{\\\"name\\\":'}]",
                                "[{'text':'\\\"Wick\\\",\\\"rating\\\":5}'}]")));
    }

    @ParameterizedTest(name = "{1} passes {0}")
    @MethodSource("passing")
    void passes(String passingCase, String spec, ModelResponse response) {
        assertDoesNotThrow(() -> REGISTRY.check(response, ValidatorRef.parse(spec)), spec);
    }

    /** What fails: the case, the validator spec, the response, and how the message reads. */
    static Stream<Arguments> failing() {
        ModelResponse finalCall = parts("{'toolRequest':{'name':'weather'}}");
        return Stream.of(
                arguments(
                        "text without the word",
                        "text-includes:Genkit",
                        text("hello"),
                        Reads.EXACTLY,
                        "Response text does not include 'Genkit'. Text: hello"),
                arguments("empty text", "text-includes:x", text(""), Reads.CONTAINING, "no text"),
                arguments(
                        "the prefix in lower case",
                        "text-starts-with:RESPONSE:",
                        text("response: hi"),
                        Reads.CONTAINING,
                        "does not start with 'RESPONSE:'"),
                arguments(
                        "the prefix later in the text",
                        "text-starts-with:RESPONSE:",
                        text("Sure. RESPONSE: hi"),
                        Reads.CONTAINING,
                        "does not start with"),
                arguments("empty text", "text-starts-with:X", parts(), Reads.CONTAINING, "no text"),
                arguments("whitespace", "text-not-empty", text(" \n\t"), Reads.EXACTLY, "Response text is empty"),
                arguments(
                        "a byte-order mark and no-break spaces, which JS trims",
                        "text-not-empty",
                        text("\uFEFF\u00A0\u2007\u202F"),
                        Reads.EXACTLY,
                        "Response text is empty"),
                arguments(
                        "a response without a text part",
                        "text-not-empty",
                        parts("{'toolRequest':{'name':'t'}}"),
                        Reads.EXACTLY,
                        "Response text is empty"),
                arguments(
                        "prose",
                        "valid-json",
                        text("Here you go: {}"),
                        Reads.STARTING_WITH,
                        "Response text is not valid JSON. Text: Here"),
                arguments("NaN", "valid-json", text("{\"a\": NaN}"), Reads.CONTAINING, "not valid JSON"),
                arguments(
                        "JSON with trailing text",
                        "valid-json",
                        text("{} and more"),
                        Reads.CONTAINING,
                        "not valid JSON"),
                arguments(
                        "JSON in a markdown fence",
                        "valid-json",
                        text("```json\n{}\n```"),
                        Reads.CONTAINING,
                        "not valid JSON"),
                arguments(
                        "no text",
                        "valid-json",
                        parts("{'media':{'url':'x'}}"),
                        Reads.STARTING_WITH,
                        "Model did not return text content for JSON"),
                arguments(
                        "no content",
                        "valid-json",
                        ModelResponse.of(json("{}")),
                        Reads.CONTAINING,
                        "missing message content"),
                arguments(
                        "an answer without a request",
                        "has-tool-request:weather",
                        text("It is sunny"),
                        Reads.STARTING_WITH,
                        "Model did not return a tool request. Content:"),
                arguments(
                        "a request for another tool",
                        "has-tool-request:search",
                        parts("{'toolRequest':{'name':'weather'}}"),
                        Reads.EXACTLY,
                        "Expected tool request 'search', got 'weather'"),
                arguments(
                        "a second request for it, as only the first counts",
                        "has-tool-request:b",
                        parts("{'toolRequest':{'name':'a'}}", "{'toolRequest':{'name':'b'}}"),
                        Reads.CONTAINING,
                        "got 'a'"),
                arguments(
                        "no content",
                        "has-tool-request",
                        ModelResponse.of(json("{'message':{}}")),
                        Reads.CONTAINING,
                        "missing message content"),
                arguments(
                        "no media",
                        "valid-media:image",
                        text("a cat"),
                        Reads.EXACTLY,
                        "Model did not return image part."),
                arguments(
                        "no media, without an arg",
                        "valid-media",
                        text("a cat"),
                        Reads.EXACTLY,
                        "Model did not return media part."),
                arguments(
                        "another content type",
                        "valid-media:image",
                        parts("{'media':{'url':'data:audio/wav;base64,A','contentType':'audio/wav'}}"),
                        Reads.EXACTLY,
                        "Expected image content type, got audio/wav"),
                arguments(
                        "a missing URL",
                        "valid-media:image",
                        parts("{'media':{'contentType':'image/png'}}"),
                        Reads.EXACTLY,
                        "Media part missing URL"),
                arguments(
                        "a data URL of another type",
                        "valid-media:image",
                        parts("{'media':{'url':'data:text/plain;base64,AAAA'}}"),
                        Reads.EXACTLY,
                        "Invalid data URL content type for image"),
                arguments(
                        "a malformed http URL",
                        "valid-media:image",
                        parts("{'media':{'url':'http://bad host/x.png'}}"),
                        Reads.STARTING_WITH,
                        "Invalid URL"),
                arguments(
                        "a port above 65535, which java.net.URI accepts",
                        "valid-media:image",
                        parts("{'media':{'url':'http://example.com:99999/cat.png'}}"),
                        Reads.EXACTLY,
                        "Invalid URL: http://example.com:99999/cat.png (its port 99999 is above 65535)"),
                arguments(
                        "an IPv4 host out of range",
                        "valid-media:image",
                        parts("{'media':{'url':'http://1.2.3.256/cat.png'}}"),
                        Reads.STARTING_WITH,
                        "Invalid URL: http://1.2.3.256/cat.png"),
                arguments(
                        "an unknown scheme",
                        "valid-media:image",
                        parts("{'media':{'url':'gs://bucket/cat.png'}}"),
                        Reads.EXACTLY,
                        "Unknown URL format: gs://bucket/cat.png"),
                arguments(
                        "empty reasoning",
                        "reasoning",
                        parts("{'reasoning':''}", "{'text':'10'}"),
                        Reads.EXACTLY,
                        "reasoning content not found"),
                arguments("no reasoning", "reasoning", text("10"), Reads.EXACTLY, "reasoning content not found"),
                arguments(
                        "no content",
                        "reasoning",
                        ModelResponse.of(json("{}")),
                        Reads.EXACTLY,
                        "Response is missing message content"),
                arguments(
                        "the text in lower case",
                        "stream-text-includes:Genkit",
                        streamed(text("x"), "[{'text':'genkit'}]"),
                        Reads.STARTING_WITH,
                        "Streaming response did not include 'Genkit'"),
                arguments(
                        "no chunks",
                        "stream-text-includes:Genkit",
                        text("Genkit"),
                        Reads.EXACTLY,
                        "Streaming expected but no chunks were received"),
                arguments(
                        "no request in the chunks",
                        "stream-has-tool-request",
                        streamed(finalCall, "[{'text':'hm'}]"),
                        Reads.EXACTLY,
                        "No tool request found in the streamed chunks"),
                arguments(
                        "a final response that does not name the tool",
                        "stream-has-tool-request:search",
                        streamed(finalCall, "[{'toolRequest':{'name':'weather'}}]"),
                        Reads.CONTAINING,
                        "Expected tool request 'search'"),
                arguments("no chunks", "stream-has-tool-request", finalCall, Reads.CONTAINING, "no chunks"),
                arguments(
                        "broken JSON",
                        "stream-valid-json",
                        streamed(text("x"), "[{'text':'{\\\"name\\\":'}]"),
                        Reads.STARTING_WITH,
                        "Streamed text is not valid JSON: {"),
                arguments(
                        "no text",
                        "stream-valid-json",
                        streamed(text("x"), "[{'toolRequest':{'name':'t'}}]"),
                        Reads.EXACTLY,
                        "Streamed response contained no text"),
                arguments(
                        "only no-break spaces, which JS trims",
                        "stream-valid-json",
                        streamed(text("x"), "[{'text':'\u00A0\uFEFF'}]"),
                        Reads.EXACTLY,
                        "Streamed response contained no text"),
                arguments("no chunks", "stream-valid-json", text("{}"), Reads.CONTAINING, "no chunks"));
    }

    @ParameterizedTest(name = "{1} fails {0}")
    @MethodSource("failing")
    void fails(String failingCase, String spec, ModelResponse response, Reads reads, String message) {
        ValidationFailure failure =
                assertThrows(ValidationFailure.class, () -> REGISTRY.check(response, ValidatorRef.parse(spec)), spec);
        reads.check(message, failure.getMessage());
    }
}
