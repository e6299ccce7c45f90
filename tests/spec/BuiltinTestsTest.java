package conform.spec;

import static org.junit.jupiter.api.Assertions.*;

import conform.validate.ValidatorRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuiltinTestsTest {

    private static final BuiltinTests BUILTINS = BuiltinTests.load(ValidatorRegistry.builtins());

    private static TestCase test(String tag) {
        return BUILTINS.forCapability(tag).orElseThrow();
    }

    @Test
    void thereAreTwelveCapabilities() {
        assertEquals(
                Set.of(
                        "tool-request",
                        "structured-output",
                        "multiturn",
                        "streaming-multiturn",
                        "streaming-tool-request",
                        "streaming-structured-output",
                        "system-role",
                        "input-image-base64",
                        "input-image-url",
                        "input-video-youtube",
                        "output-audio",
                        "output-image"),
                BUILTINS.capabilities());
    }

    @Test
    void theDefaultNineAreAllBuiltins() {
        assertEquals(9, BuiltinTests.DEFAULT_CAPABILITIES.size());
        assertTrue(BUILTINS.capabilities().containsAll(BuiltinTests.DEFAULT_CAPABILITIES));
    }

    @Test
    void namesMatchTheCanonicalTool() {
        assertEquals("Tool Request Conformance", test("tool-request").name());
    }

    @ParameterizedTest(name = "{0}: {1}:{2}")
    @CsvSource({
        "tool-request,        has-tool-request,     weather",
        "structured-output,   valid-json,",
        "multiturn,           text-includes,        Genkit",
        "streaming-multiturn, stream-text-includes, Genkit",
        "system-role,         text-starts-with,     RESPONSE:",
        "input-image-base64,  text-includes,        genkit",
        "input-image-url,     text-includes,        google",
        "input-video-youtube, text-not-empty,",
        "output-audio,        valid-media,          audio",
        "output-image,        valid-media,          image"
    })
    void validatorsMatchTheCanonicalTool(String capability, String validator, String arg) {
        assertEquals(List.of(new ValidatorRef(validator, arg)), test(capability).validators());
    }

    @Test
    void exactlyTheStreamingCasesStream() {
        for (String tag : BUILTINS.capabilities()) assertEquals(tag.startsWith("streaming-"), test(tag).stream(), tag);
    }

    @Test
    void eachCarriesItsCapabilityTag() {
        for (String tag : BUILTINS.capabilities()) assertEquals(tag, test(tag).capability());
    }

    @Test
    void toolCasesDeclareTheWeatherTool() {
        for (String tag : List.of("tool-request", "streaming-tool-request")) {
            var tool = test(tag).input().get("tools").get(0);
            assertEquals("weather", tool.get("name").asText());
            assertEquals("city", tool.get("inputSchema").get("required").get(0).asText());
        }
        assertEquals(
                "What is the weather in New York? Use the weather tool",
                test("streaming-tool-request")
                        .input()
                        .at("/messages/0/content/0/text")
                        .asText());
    }

    @Test
    void structuredOutputAsksForConstrainedJson() {
        var output = test("structured-output").input().get("output");
        assertEquals("json", output.get("format").asText());
        assertTrue(output.get("constrained").asBoolean());
        assertEquals(
                List.of("name", "age"),
                List.of(
                        output.get("schema").get("required").get(0).asText(),
                        output.get("schema").get("required").get(1).asText()));
    }

    @Test
    void multiturnHasThreeMessagesInBothForms() {
        assertEquals(
                test("multiturn").input().get("messages"),
                test("streaming-multiturn").input().get("messages"));
        assertEquals(3, test("multiturn").input().get("messages").size());
    }

    @Test
    void theSystemRoleCaseStartsWithASystemMessage() {
        assertEquals(
                "system",
                test("system-role").input().get("messages").get(0).get("role").asText());
    }

    @Test
    void theBase64CaseCarriesConformsOwnImage() {
        String url = test("input-image-base64")
                .input()
                .at("/messages/0/content/1/media/url")
                .asText();
        assertEquals(BuiltinTests.testImageDataUri(), url);
        assertTrue(url.startsWith("data:image/png;base64,iVBOR"), "a PNG");
    }

    @Test
    void theTestImageIsARealPng() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(BuiltinTests.testImage()));
        assertNotNull(image);
        assertTrue(image.getWidth() > image.getHeight(), "a word, wider than tall");
    }
}
