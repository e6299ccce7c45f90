package conform.runner;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import conform.config.RuntimeConfig;
import conform.config.TestId;
import conform.plan.Plan;
import conform.plan.PlannedRun;
import conform.plan.ResolvedSettings;
import conform.spec.PluginSpec;
import conform.spec.Suite;
import conform.spec.TestCase;
import conform.spec.ValidatorRef;
import conform.support.PlainRuntime;
import conform.support.RepoRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** conform's verdicts next to the CLI's: which tests disagree, and which documented choice explains each. */
class VerdictComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestCase test(String name, String input, String validator) throws Exception {
        return new TestCase(name, null, false, JSON.readTree(input), List.of(ValidatorRef.parse(validator)), null);
    }

    private static Plan plan(TestCase... tests) {
        RuntimeConfig js = PlainRuntime.of(
                "js", Path.of("."), Path.of("."), Path.of("."), "{plugin}.ts", List.of("node"), List.of());
        ResolvedSettings settings = new ResolvedSettings(
                3, 0, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        PluginSpec spec =
                new PluginSpec("p", Path.of("p.yaml"), List.of(new Suite("p/m", List.of(tests), null)), List.of());
        return new Plan(List.of(new PlannedRun("p", js, spec, null, List.of(), settings, Map.of())), List.of(), 1);
    }

    private static TestResult result(String test, TestStatus status, int attempts, String error) {
        return new TestResult(new TestId("p", "js", "p/m", test), status, attempts, false, error, null, null);
    }

    private static List<RunResult> run(TestResult... tests) {
        return List.of(new RunResult("p", "js", RunStatus.PASSED, null, List.of(tests), 1, 1L, 1L, null, List.of()));
    }

    @Test
    void eachDisagreementIsLabelledWithTheChoiceThatExplainsItOrIsUnexplained() throws Exception {
        String noConfig = "{\"messages\":[]}";
        Plan plan = plan(
                test(
                        "Offline image",
                        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"media\":{\"url\":"
                                + "\"https://example.com/logo.png\"}}]}]}",
                        "text-includes:logo"),
                test("Config", noConfig, "text-not-empty"),
                test("Text", noConfig, "text-includes:Genkit"),
                test("Stream", noConfig, "stream-text-includes:a"),
                test("Schema", noConfig, "text-not-empty"),
                test("With config", "{\"messages\":[],\"config\":{}}", "text-not-empty"),
                test("Agree", noConfig, "text-not-empty"),
                test("Skipped", noConfig, "text-not-empty"),
                test("Reversed", noConfig, "text-includes:Genkit"));
        VerdictComparison c = VerdictComparison.of(
                plan,
                run(
                        result("Offline image", TestStatus.PASSED, 1, null),
                        result("Config", TestStatus.PASSED, 1, null),
                        result("Text", TestStatus.PASSED, 1, null),
                        result("Stream", TestStatus.PASSED, 1, null),
                        result("Schema", TestStatus.PASSED, 1, null),
                        result("With config", TestStatus.PASSED, 1, null),
                        result("Agree", TestStatus.XFAIL, 1, "known"),
                        result("Skipped", TestStatus.SKIPPED, 0, "no key"),
                        result("Reversed", TestStatus.FAILED, 1, "text-includes:Genkit: no")),
                run(
                        result("Offline image", TestStatus.ERROR, 1, "printed no message for this error"),
                        result("Config", TestStatus.ERROR, 1, "Cannot destructure property 'topP' of 'input.config'"),
                        result("Text", TestStatus.FAILED, 1, "text-includes:Genkit: Response text does not include"),
                        result("Stream", TestStatus.FAILED, 1, "stream-text-includes:a: Streaming response did not"),
                        result("Schema", TestStatus.FAILED, 1, "response schema: [{\"code\": \"invalid_type\"}]"),
                        result("With config", TestStatus.ERROR, 1, "boom"),
                        result("Agree", TestStatus.ERROR, 1, "known, worded otherwise"),
                        result("Skipped", TestStatus.PASSED, 1, null),
                        result("Reversed", TestStatus.PASSED, 1, null)),
                Set.of("https://example.com/logo.png"));
        assertEquals(8, c.compared(), "a test one runner did not judge is not compared");
        Map<String, String> why = new java.util.LinkedHashMap<>();
        c.disagreements().forEach(d -> why.put(d.test(), d.choice()));
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("Offline image", "Which image URL does a test send under `--emulate`?");
        expected.put("Config", "What does a test's request carry?");
        expected.put("Text", "Which text do text validators read?");
        expected.put("Stream", "Streamed text");
        expected.put("Schema", "Response schema check");
        expected.put("With config", null);
        expected.put("Reversed", null);
        assertEquals(expected, why);
        assertEquals(2, c.unexplained());
    }

    @Test
    void anErrorConformWroteForATestTheCliNeverRanIsNoChoicesDoing() throws Exception {
        Plan plan = plan(test("T", "{\"messages\":[]}", "text-not-empty"));
        VerdictComparison c = VerdictComparison.of(
                plan,
                run(result("T", TestStatus.PASSED, 1, null)),
                run(result("T", TestStatus.ERROR, 0, "genkit dev:test-model exited with code 1 before it finished")),
                Set.of());
        assertEquals(1, c.unexplained());
    }

    @Test
    void everyLabelIsARowOfTheDocumentedChoices() throws Exception {
        String docs = Files.readString(RepoRoot.find().resolve("docs/validators.md"));
        for (DocumentedChoice choice : DocumentedChoice.values()) {
            long rows = docs.split("\n\\| " + Pattern.quote(choice.label) + " \\|", -1).length - 1;
            assertEquals(2, rows, "a row of the choices and one of the labels: " + choice.label);
        }
    }
}
