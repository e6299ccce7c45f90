package conform.redact;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

    private static final Redactor NONE = Redactor.fromEnvironment(Map.of(), List.of());

    @Test
    void shortDataUrisStay() {
        String s = "data:image/png;base64," + "A".repeat(64);
        assertEquals(s, NONE.redact(s));
    }

    @Test
    void longDataUrisShrinkToTheirSize() {
        String out = NONE.redact("data:image/png;base64," + "A".repeat(20000));
        assertEquals("data:image/png;base64,...<15000 bytes>", out);
    }

    @Test
    void thresholdIsExactly64Characters() {
        assertTrue(NONE.redact("data:image/png;base64," + "A".repeat(65)).contains("...<"));
    }

    @Test
    void paddingIsNotCountedAsData() {
        assertEquals("data:a/b;base64,...<49 bytes>", NONE.redact("data:a/b;base64," + "A".repeat(64) + "Ag=="));
    }

    @Test
    void otherMediaTypesAndParametersAreHandled() {
        assertEquals(
                "data:audio/L16;codec=pcm;rate=24000;base64,...<75 bytes>",
                NONE.redact("data:audio/L16;codec=pcm;rate=24000;base64," + "B".repeat(100)));
        assertEquals("data:image/jpeg;base64,...<75 bytes>", NONE.redact("data:image/jpeg;base64," + "/".repeat(100)));
    }

    @Test
    void surroundingTextAndSeveralUrisAreKept() {
        String uri = "data:image/png;base64," + "Q".repeat(200);
        assertEquals(
                "{\"url\":\"data:image/png;base64,...<150 bytes>\", \"b\": data:image/png;base64,...<150 bytes> end",
                NONE.redact("{\"url\":\"" + uri + "\", \"b\": " + uri + " end"));
    }

    @Test
    void textWithoutSecretsIsUntouched() {
        assertEquals("hello world: data:text/plain,hi", NONE.redact("hello world: data:text/plain,hi"));
        assertEquals("", NONE.redact(""));
        assertNull(NONE.redact(null));
    }

    @Test
    void secretEnvironmentValuesAreMasked() {
        Redactor r = Redactor.fromEnvironment(
                Map.of("ANTHROPIC_API_KEY", "my-anthropic-secret-1", "HOME", "/root", "AWS_REGION", "eu-west-1"),
                List.of());
        assertEquals(
                "key=*** home=/root region=eu-west-1",
                r.redact("key=my-anthropic-secret-1 home=/root region=eu-west-1"));
    }

    @Test
    void extraSecretNamesAreMaskedToo() {
        Redactor r = Redactor.fromEnvironment(
                Map.of("AZURE_OPENAI_ENDPOINT", "https://corp.example/x"), List.of("AZURE_OPENAI_ENDPOINT"));
        assertEquals("at ***", r.redact("at https://corp.example/x"));
    }

    @Test
    void shortValuesAreNotMaskedToAvoidNoise() {
        Redactor r = Redactor.fromEnvironment(Map.of("X_TOKEN", "abc"), List.of());
        assertEquals("abc", r.redact("abc"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an auth header           | Authorization: Bearer sk-abc.def             | Authorization: Bearer ***",
                "an auth header           | x-api-key: zzzzzzzzzzz                       | x-api-key: ***",
                "an auth header           | {\"x-goog-api-key\":\"zzzzzzzzzzz\"}          |"
                        + " {\"x-goog-api-key\":\"***\"}",
                "a key query parameter    | GET /v1beta/models?key=AIzaSomething&alt=sse | GET"
                        + " /v1beta/models?key=***&alt=sse",
                "a well-known key shape   | using sk-ant-api03-aaaaaaaaaaaaaaaaaaaaaaaa  | using ***",
                "a well-known key shape   | using sk-proj-bbbbbbbbbbbbbbbbbbbbbbbb       | using ***",
                "a well-known key shape   | using AIzaSyCccccccccccccccccccccccccccccccc | using ***",
                "a word that contains sk- | risk-management                              | risk-management",
                "the emulator's stand-in  | export OPENAI_API_KEY=conform-emulator-placeholder-key |"
                        + " export OPENAI_API_KEY=conform-emulator-placeholder-key",
                "a key that ends like it  | export OPENAI_API_KEY=x-conform-emulator-placeholder-key | export"
                        + " OPENAI_API_KEY=***"
            })
    void secretsAreMaskedByTheirShape(String what, String text, String redacted) {
        assertEquals(redacted, NONE.redact(text));
    }

    @Test
    void aLongerSecretContainingAShorterOneIsMaskedWhole() {
        Redactor r = Redactor.fromEnvironment(
                Map.of("SECRET_1_KEY", "abcdefgh", "SECRET_2_KEY", "abcdefgh-longer"), List.of());
        assertEquals("***", r.redact("abcdefgh-longer"));
    }
}
