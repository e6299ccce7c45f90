package conform.runner;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import conform.spec.Suite;
import conform.spec.TestCase;
import conform.spec.ValidatorRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** genkit dev:test-model's output as genkit-cli 1.43.0 prints it, read into per-test verdicts. */
class CanonicalOutputTest {

    private static TestCase test(String name) {
        return new TestCase(
                name,
                null,
                false,
                JsonNodeFactory.instance.objectNode(),
                List.of(ValidatorRef.parse("text-not-empty")),
                null);
    }

    private static Suite suite(String model, String... names) {
        return new Suite(
                model, Arrays.stream(names).map(CanonicalOutputTest::test).toList(), null);
    }

    private final List<String> verdicts = new ArrayList<>();

    private CanonicalOutput output(Suite... suites) {
        return new CanonicalOutput(
                List.of(suites),
                v -> verdicts.add(
                        v.suite() + " " + v.test().name() + " → " + (v.failure() == null ? "passed" : v.failure())));
    }

    private static void feed(CanonicalOutput output, String text) {
        text.lines().forEach(output::line);
        output.end();
    }

    @Test
    void readsEachTestsVerdictUnderItsSuite() {
        CanonicalOutput out = output(suite("a/one", "Multiturn", "Wrong"), suite("a/two", "Multiturn"));
        feed(out, """
            Indexed 0 traces in 1ms in /tmp/root/.genkit/traces_idx
            Telemetry API running on http://127.0.0.1:4033
            All 2 model actions registered. Starting tests.
            Testing model: a/one
            Running test: Multiturn...
            Running test: Wrong...
            ✅ Passed: Multiturn
            Error: ❌ Failed: Wrong - Response text does not include 'zzz'. Text: Echo: hi
            Testing model: a/two
            Running test: Multiturn...
            Error: ❌ Failed: Multiturn - boom
            --------------------------------------------------
            Tests Completed: 1 Passed, 2 Failed
            """);
        assertEquals(
                List.of(
                        "0 Multiturn → passed",
                        "0 Wrong → Response text does not include 'zzz'. Text: Echo: hi",
                        "1 Multiturn → boom"),
                verdicts);
        assertTrue(out.testsStarted());
        assertTrue(out.completed());
        assertEquals(1, out.suite());
    }

    @Test
    void aFailureMessageRunsOnUntilTheClisNextLine() {
        CanonicalOutput out = output(suite("m", "Structured", "Fails", "Last"));
        feed(out, """
            Testing model: m
            Error: ❌ Failed: Structured - Model did not return text content for JSON. Content: [
              {
                "data": {"name": "John Doe"}
              }
            ]
            Error: ❌ Failed: Fails - Error: boom
                at echo (file:///entries/js/.conform/build/echo.mjs:123406:36)
                at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
            Warn: a line of the CLI's own
            Error: ❌ Failed: Last - the end of the output ends it
              and its second line
            """);
        assertEquals(
                List.of(
                        "0 Structured → Model did not return text content for JSON. Content: [\n  {\n"
                                + "    \"data\": {\"name\": \"John Doe\"}\n  }\n]",
                        "0 Fails → Error: boom\n    at echo (file:///entries/js/.conform/build/echo.mjs:123406:36)\n"
                                + "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
                        "0 Last → the end of the output ends it\n  and its second line"),
                verdicts);
        assertFalse(out.completed());
    }

    @Test
    void colourCodesAndTheLongestNameDecideWhichTestFailed() {
        CanonicalOutput out = output(suite("m", "Tool", "Tool - streaming"));
        feed(out, """
            Testing model: m
            \u001B[1m\u001B[31mError\u001B[39m\u001B[22m: ❌ Failed: Tool - streaming - No tool request found in the streamed chunks
            \u001B[1m\u001B[31mError\u001B[39m\u001B[22m: ❌ Failed: Tool - Model did not return a tool request.
            """);
        assertEquals(
                List.of(
                        "0 Tool - streaming → No tool request found in the streamed chunks",
                        "0 Tool → Model did not return a tool request."),
                verdicts);
    }

    @Test
    void testsStartAlsoWhenTheCliStopsWaitingForModels() {
        CanonicalOutput out = output(suite("m", "T"));
        out.line("Warn: Runtime not detected after 10 seconds.");
        assertFalse(out.testsStarted());
        out.line("Warn: Not all model actions registered after 30 seconds. Proceeding anyway.");
        assertTrue(out.testsStarted());
        assertEquals(-1, out.suite(), "no suite runs yet");
    }

    @Test
    void linesOfNoKnownTestAreNotVerdicts() {
        CanonicalOutput out = output(suite("m", "T"));
        feed(out, """
            ✅ Passed: T
            Testing model: m
            ✅ Passed: Someone else's
            Error: ❌ Failed: Unknown - what
            ✅ Passed: T
            """);
        assertEquals(List.of("0 T → passed"), verdicts);
    }
}
