package conform.emulator;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import conform.diag.ExitCode;
import conform.support.CliRun;
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

    private CliRun run(Path config, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "check-model",
                "--emulate",
                "--no-color",
                "--config",
                config.toString(),
                "--report-dir",
                work.path("report").toString()));
        all.addAll(List.of(args));
        return CliRun.run(RepoRoot.find(), new HashMap<>(System.getenv()), all.toArray(String[]::new));
    }

    private JsonNode results() throws Exception {
        return new ObjectMapper().readTree(work.path("report/results.json").toFile());
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
        CliRun r = run(RepoRoot.find().resolve("tests/fixtures/scenarios/broken/conform.toml"));
        r.expect(ExitCode.FAILED);
        Map<String, JsonNode> tests = byTest(results());
        assertEquals("passed", tests.get("Multiturn Conformance").get("status").asText(), r.toString());
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
        CliRun r = run(
                RepoRoot.find().resolve("conform.toml"),
                "compat-oai",
                "--runtime",
                "js",
                "--specs-dir",
                RepoRoot.find()
                        .resolve("tests/fixtures/scenarios/emulator-faults")
                        .toString(),
                "--action-timeout",
                "8",
                "--max-retries",
                "1",
                "--retry-base-delay",
                "0",
                "-t",
                "5");
        r.expect(ExitCode.FAILED);
        JsonNode results = results();
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
        CliRun r = run(
                RepoRoot.find().resolve("conform.toml"),
                "compat-oai",
                "--runtime",
                "python",
                "--emulate-fault",
                "429:200x4",
                "--max-retries",
                "3",
                "--retry-base-delay",
                "0.1");
        JsonNode results = results();
        assertEquals(20, results.get("results").size(), r.toString());
        byTest(results);
        assertEquals(20, results.get("totals").get("passed").asInt(), "429s are retried until they pass:\n" + r);
        r.expect(ExitCode.OK);
    }

    @Test
    void conformWaitsTheDelayTheProviderAskedFor() {
        // Gemini's 429 carries a RetryInfo retryDelay; the JS plugin passes it on in the error, and conform waits
        // exactly that long although its own backoff base is 0.
        CliRun r = run(
                RepoRoot.find().resolve("conform.toml"),
                "google-genai",
                "--runtime",
                "js",
                "-v",
                "-t",
                "1",
                "--specs-dir",
                RepoRoot.find()
                        .resolve("tests/fixtures/scenarios/emulator-retry-after")
                        .toString(),
                "--max-retries",
                "1",
                "--retry-base-delay",
                "0");
        r.expect(ExitCode.FAILED);
        assertTrue(r.err().contains("retry 1/1 of googleai/gemini-2.5-flash · Rate limited in 1.5s"), r.toString());
        assertTrue(r.err().contains("RESOURCE_EXHAUSTED"), r.toString());
    }

    @Test
    void pluginsTheEmulatorCannotServeAreSkippedWithTheReason() {
        Map<String, String> env = new HashMap<>(System.getenv());
        CliRun r = CliRun.run(RepoRoot.find(), env, "check-model", "--emulate", "--dry-run", "--no-color", "vertex-ai");
        r.expect(ExitCode.OK);
        assertTrue(r.out().contains("SKIPPED not emulated: Model Garden needs Google Cloud credentials"), r.toString());
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
