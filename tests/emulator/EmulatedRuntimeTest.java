package conform.emulator;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import conform.diag.ExitCode;
import conform.support.CliRun;
import conform.support.Fixtures;
import conform.support.RealRuntimes;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `check-model --emulate` with real plugins in real runtimes: explanations, faults, and honest results. */
@ExtendWith(RealRuntimes.class)
class EmulatedRuntimeTest {

    @RegisterExtension
    private final TempProject work = TempProject.create();

    /** check-model --emulate with {@code config}, from the checkout. */
    private Fixtures.Outcome emulate(Path config, String... args) {
        List<String> all = new ArrayList<>(List.of("--emulate"));
        all.addAll(List.of(args));
        return Fixtures.checkModel(RepoRoot.find(), config, work.path("report"), all.toArray(String[]::new));
    }

    /** check-model --emulate of one shipped plugin in one runtime, with the shipped config. */
    private Fixtures.Outcome emulate(String plugin, String runtime, String... options) {
        List<String> args = new ArrayList<>(List.of(plugin, "--runtime", runtime));
        args.addAll(List.of(options));
        return emulate(RepoRoot.find().resolve("conform.toml"), args.toArray(String[]::new));
    }

    /** Results by test name (for single-model specs), after checking no (runtime, model, test) is reported twice. */
    private static Map<String, JsonNode> byTest(JsonNode results) {
        Set<String> seen = new TreeSet<>();
        Map<String, JsonNode> out = new HashMap<>();
        results.get("results").forEach(r -> {
            assertTrue(
                    seen.add(r.get("runtime").asText() + " " + r.get("model").asText() + " "
                            + r.get("test").asText()),
                    "reported twice: " + r);
            out.put(r.get("test").asText(), r);
        });
        return out;
    }

    @Test
    void aPluginThatDropsTheSystemPromptFailsWithTheEmulatorsExplanation() throws Exception {
        Fixtures.Outcome o = emulate(Fixtures.scenario("broken").resolve("conform.toml"));
        o.cli().expect(ExitCode.FAILED);
        Map<String, JsonNode> tests = byTest(o.results());
        assertEquals("passed", tests.get("Multiturn Conformance").get("status").asText(), o.toString());
        JsonNode system = tests.get("System Role Conformance");
        assertEquals("failed", system.get("status").asText());
        assertTrue(
                system.get("error")
                        .asText()
                        .contains("[conform emulator] the system-role case needs the system instruction, but the openai"
                                + " request to gpt-4o had no `system` (or `developer`) message."),
                system.get("error").asText());
    }

    @Test
    void faultsAreRetriedTimedOutAndReportedOnceEach() throws Exception {
        Fixtures.Outcome o = emulate(
                "compat-oai",
                "js",
                "--specs-dir",
                Fixtures.scenario("emulator-faults").toString(),
                "--action-timeout",
                "8",
                "--max-retries",
                "1",
                "--retry-base-delay",
                "0",
                "-t",
                "5");
        o.cli().expect(ExitCode.FAILED);
        JsonNode results = o.results();
        Map<String, JsonNode> tests = byTest(results);
        assertEquals(
                Set.of("Fine", "Server error", "Malformed body", "Slow first byte", "Stalled stream"),
                new TreeSet<>(tests.keySet()));
        assertEquals("passed", tests.get("Fine").get("status").asText());
        assertEquals("error", tests.get("Server error").get("status").asText());
        assertTrue(
                tests.get("Server error").get("error").asText().contains("500"),
                tests.get("Server error").toString());
        assertEquals("error", tests.get("Malformed body").get("status").asText());
        assertEquals("timeout", tests.get("Slow first byte").get("status").asText());
        assertEquals("timeout", tests.get("Stalled stream").get("status").asText());
        for (String retried : List.of("Server error", "Slow first byte")) {
            assertTrue(
                    tests.get(retried).get("attempts").asInt() >= 2, retried + " was retried: " + tests.get(retried));
        }
        JsonNode totals = results.get("totals");
        assertEquals(
                5,
                totals.get("passed").asInt()
                        + totals.get("failed").asInt()
                        + totals.get("error").asInt()
                        + totals.get("timeout").asInt()
                        + totals.get("skipped").asInt(),
                "every test counted once: " + totals);
    }

    @Test
    void aRunFaultIsAbsorbedByRetriesAndNothingIsLost() throws Exception {
        Fixtures.Outcome o = emulate(
                "compat-oai",
                "python",
                "--emulate-fault",
                "429:200x4",
                "--max-retries",
                "3",
                "--retry-base-delay",
                "0.1");
        JsonNode results = o.results();
        int tests = 38; // the shipped compat-oai spec: six models, every test of which passes in Python
        assertEquals(tests, results.get("results").size(), o.toString());
        byTest(results);
        assertEquals(tests, results.get("totals").get("passed").asInt(), "429s are retried until they pass:\n" + o);
        o.cli().expect(ExitCode.OK);
    }

    @Test
    void conformWaitsTheDelayTheProviderAskedFor() {
        // Gemini's 429 carries a RetryInfo retryDelay; the JS plugin passes it on in the error, and conform waits
        // exactly that long although its own backoff base is 0.
        CliRun r = emulate(
                        "google-genai",
                        "js",
                        "-v",
                        "-t",
                        "1",
                        "--specs-dir",
                        Fixtures.scenario("emulator-retry-after").toString(),
                        "--max-retries",
                        "1",
                        "--retry-base-delay",
                        "0")
                .cli();
        r.expect(ExitCode.FAILED);
        assertTrue(r.err().contains("retry 1/1 of googleai/gemini-2.5-flash · Rate limited in 1.5s"), r.toString());
        assertTrue(r.err().contains("RESOURCE_EXHAUSTED"), r.toString());
    }

    @Test
    void theImageUrlTestRunsOfflineForAPluginThatDownloadsTheUrlItself() throws Exception {
        // Genkit Go's media middleware downloads image URLs itself: offline, the test's URL is the emulator's copy.
        Fixtures.Outcome o =
                emulate("google-genai", "go", "--model", "googleai/gemini-2.5-flash", "--test", "Image Input (URL)*");
        o.cli().expect(ExitCode.OK);
        JsonNode url = byTest(o.results()).get("Image Input (URL) Conformance");
        assertEquals("passed", url.get("status").asText(), o.toString());
    }

    @Test
    void deepSeekAndXaiRunThroughJsCompatOaiOffline() throws Exception {
        // Their models declare no constrained output: Genkit puts the schema in the prompt, and the model follows it.
        Fixtures.Outcome o = emulate(RepoRoot.find().resolve("conform.toml"), "deepseek", "xai");
        o.cli().expect(ExitCode.OK);
        JsonNode results = o.results();
        assertEquals(20, results.get("totals").get("passed").asInt(), o.toString());
        Set<String> plugins = new TreeSet<>();
        results.get("results")
                .forEach(r -> plugins.add(
                        r.get("plugin").asText() + " " + r.get("runtime").asText()));
        assertEquals(Set.of("deepseek js", "xai js"), plugins);
    }

    @Test
    void amazonBedrockRunsOfflineThroughTheConverseDialect() throws Exception {
        Fixtures.Outcome o = emulate("amazon-bedrock", "python");
        o.cli().expect(ExitCode.OK);
        Map<String, JsonNode> tests = byTest(o.results());
        assertEquals(
                "passed",
                tests.get("Tool Request Conformance with streaming")
                        .get("status")
                        .asText(),
                o.toString());
        assertEquals(
                "passed",
                tests.get("Image Input (Base64) Conformance").get("status").asText());
        // The plugin never tells the model the schema: a known failure, with the emulator's explanation.
        assertEquals(
                "xfail",
                tests.get("Structured Output Conformance").get("status").asText());
    }

    @Test
    void pluginsTheEmulatorCannotServeAreSkippedWithTheReason() {
        CliRun r = CliRun.withProcessEnvironment(
                RepoRoot.find(), "check-model", "--emulate", "--dry-run", "--no-color", "vertex-ai", "ollama");
        r.expect(ExitCode.OK);
        assertTrue(r.out().contains("SKIPPED not emulated: Model Garden needs Google Cloud credentials"), r.toString());
        // Alone, nothing would be tested, and the hint does not send the user after keys the emulator stands in for.
        CliRun alone = CliRun.withProcessEnvironment(
                        RepoRoot.find(), "check-model", "--emulate", "--dry-run", "vertex-ai")
                .expect(ExitCode.USAGE)
                .expectErr("nothing to test: every selected run is skipped", "pick plugins the emulator serves");
        assertFalse(alone.err().contains("environment variables"), alone.toString());
    }

    @Test
    void emulateFaultNeedsEmulateAndAKnownFault() {
        CliRun.run(RepoRoot.find(), "check-model", "--dry-run", "--emulate-fault", "429")
                .expect(ExitCode.USAGE);
        CliRun unknown =
                CliRun.run(RepoRoot.find(), "check-model", "--dry-run", "--emulate", "--emulate-fault", "meteor");
        unknown.expect(ExitCode.USAGE);
        assertTrue(unknown.err().contains("unknown fault `meteor`"), unknown.toString());
        for (String tooMuch : List.of("500x99999999999", "429:99999999999", "500x0")) {
            CliRun r = CliRun.run(RepoRoot.find(), "check-model", "--dry-run", "--emulate", "--emulate-fault", tooMuch)
                    .expect(ExitCode.USAGE, tooMuch);
            assertTrue(
                    r.err().contains("Invalid value for option '--emulate-fault'")
                            && !r.err().contains("internal error"),
                    r.toString());
        }
        for (String ok : List.of("429x2", "429:1000x2", "stall:500", "truncate", "malformedx3")) {
            CliRun.run(RepoRoot.find(), "check-model", "--dry-run", "--emulate", "--emulate-fault", ok)
                    .expect(ExitCode.OK, ok);
        }
    }
}
