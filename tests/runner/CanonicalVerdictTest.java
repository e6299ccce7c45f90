package conform.runner;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import conform.spec.TestCase;
import conform.spec.ValidatorRef;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CLI's verdicts in conform's terms: which check failed is read from the wording of its message. */
class CanonicalVerdictTest {

    private static TestCase test(String... validators) {
        return new TestCase(
                "T",
                null,
                false,
                JsonNodeFactory.instance.objectNode(),
                Arrays.stream(validators).map(ValidatorRef::parse).toList(),
                null);
    }

    @Test
    void aValidatorsMessageIsAFailureReportedAfterThatValidator() {
        CanonicalVerdict v = CanonicalVerdict.of(
                test("text-not-empty", "text-includes:Genkit"), "Response text does not include 'Genkit'. Text: hi");
        assertEquals(TestStatus.FAILED, v.status());
        assertEquals("text-includes:Genkit: Response text does not include 'Genkit'. Text: hi", v.error());
    }

    @Test
    void aMessageTwoValidatorsShareIsTheFirstOnes() {
        // The CLI runs a test's validators in order and stops at the first failure.
        assertEquals(
                "valid-json: Response missing message content. Full response: {}",
                CanonicalVerdict.of(
                                test("valid-json", "has-tool-request"),
                                "Response missing message content. Full response: {}")
                        .error());
        assertEquals(
                "stream-has-tool-request:weather: Expected tool request 'weather', got 'other'",
                CanonicalVerdict.of(
                                test("stream-has-tool-request:weather"), "Expected tool request 'weather', got 'other'")
                        .error());
    }

    @Test
    void noChunksAndTheResponseSchemaAreFailuresToo() {
        assertEquals(
                new CanonicalVerdict(TestStatus.FAILED, "Streaming requested but no chunks received.", false),
                CanonicalVerdict.of(test("text-not-empty"), "Streaming requested but no chunks received."));
        CanonicalVerdict schema = CanonicalVerdict.of(
                test("text-not-empty"),
                "[\n  {\n    \"code\": \"invalid_type\",\n    \"path\": [\"finishReason\"]\n  }\n]");
        assertEquals(TestStatus.FAILED, schema.status());
        assertTrue(schema.error().startsWith("response schema: ["), schema.error());
    }

    @Test
    void anErrorIsReportedByItsFirstLineWithoutTheStackOrACrashDump() {
        CanonicalVerdict v = CanonicalVerdict.of(
                test("text-not-empty"),
                "SyntaxError: Unterminated string in JSON at position 14\n"
                        + "    at JSON.parse (<anonymous>)\n    at fromOpenAIChunkChoice (file:///x.mjs:1:2)");
        assertEquals(new CanonicalVerdict(TestStatus.ERROR, "Unterminated string in JSON at position 14", false), v);
        assertEquals(
                "Error running action key='/model/m'.",
                CanonicalVerdict.of(
                                test("text-not-empty"),
                                "Error: Error running action key='/model/m'.\n/x/process-manager.js:60\n"
                                        + "    reject(new Error(`app process exited with code ${code}`));")
                        .error(),
                "the CLI crashed as it printed the verdict");
    }

    @Test
    void anErrorWithOnlyItsDetailsHasLostItsMessage() {
        CanonicalVerdict v = CanonicalVerdict.of(test("text-not-empty"), "{\"stack\":\"\",\"traceId\":\"abc\"}");
        assertEquals(TestStatus.ERROR, v.status());
        assertTrue(v.messageLost());
        assertEquals(
                "genkit dev:test-model printed no message for this error, only its details:"
                        + " {\"stack\":\"\",\"traceId\":\"abc\"}",
                v.error());
        assertEquals(Optional.of("abc"), v.traceId(), "the trace its message can be read from");
        assertEquals(
                Optional.empty(),
                CanonicalVerdict.of(test("text-not-empty"), "{\"stack\":\"\",\"traceId\":null}")
                        .traceId(),
                "Python's id may be null");
        assertEquals(
                "provider exploded",
                v.withTracedMessage("provider exploded").error(),
                "the runtime's message, from its trace");
        assertTrue(v.withTracedMessage("provider exploded").messageLost(), "still judged by its status alone");
    }

    @Test
    void aPassIsAPass() {
        assertEquals(CanonicalVerdict.passed(), CanonicalVerdict.of(test("text-not-empty"), null));
    }
}
