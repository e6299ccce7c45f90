package conform.runner;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import conform.diag.ExitCode;
import conform.support.Fixtures;
import conform.support.RealRuntimes;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** --runner both: conform's verdicts next to the real genkit dev:test-model's, in the console and every report. */
@ExtendWith(RealRuntimes.class)
class RunnerBothTest {

    @RegisterExtension
    private final TempProject work = TempProject.create();

    @Test
    void onTheFixtureModelBothRunnersAgreeOnEveryTest() throws Exception {
        Fixtures.Outcome o = Fixtures.checkModel("passing", "js,python", work.path("r"), "--runner", "both");
        o.cli()
                .expect(ExitCode.OK)
                .expectErr("Verdict comparison", "18 test(s) judged by both", "they agree on every one");
        JsonNode comparison = o.results().get("comparison");
        assertEquals("cli", comparison.get("runner").asText());
        assertEquals(18, comparison.get("compared").asInt());
        assertEquals(0, comparison.get("disagreements").size());
        for (JsonNode run : o.results().get("runs")) {
            assertEquals("conform", run.get("runner").asText());
            assertEquals("v2", run.get("transport").asText(), "conform's own runs keep their transport");
        }
        assertTrue(Files.readString(work.path("r/report.html")).contains("Verdict comparison"));
        assertTrue(
                Files.readString(work.path("r/summary.md")).contains("Verdict comparison with genkit dev:test-model"));
    }

    @Test
    void aDisagreementNoDocumentedChoiceExplainsFailsTheCheck() throws Exception {
        // A genkit CLI that cannot be installed gives no verdict of its own: every test conform passed disagrees.
        Fixtures.Outcome o = Fixtures.passingWithUninstallableCli(work, "both");
        o.cli()
                .expect(ExitCode.FAILED)
                .expectErr("9 disagreement(s), 0 explained by a documented choice, 9 unexplained");
        assertEquals("passed", o.run().get("status").asText(), "conform's own verdicts decide the runs");
        assertEquals(9, o.results().at("/comparison/unexplained").asInt());
        JsonNode first = o.results().at("/comparison/disagreements/0");
        assertEquals("passed", first.at("/conform/status").asText());
        assertEquals("error", first.at("/cli/status").asText());
        assertTrue(first.at("/cli/error").asText().startsWith("setup failed"), first.toString());
        assertTrue(Files.readString(work.path("r/report.html")).contains("unexplained"));
    }

    @Test
    void theFourEmulatedPluginsInJsAndPythonDisagreeOnlyByDocumentedChoices() throws Exception {
        Fixtures.Outcome o = Fixtures.checkModel(
                RepoRoot.find(),
                RepoRoot.find().resolve("conform.toml"),
                work.path("r"),
                "--emulate",
                "--runner",
                "both",
                "--runtime",
                "js,python",
                "compat-oai",
                "anthropic",
                "google-genai",
                "ollama");
        o.cli().expect(ExitCode.OK);
        JsonNode comparison = o.results().get("comparison");
        assertEquals(0, comparison.get("unexplained").asInt(), comparison.toString());
        assertTrue(comparison.get("compared").asInt() > 200, comparison.toString());
        // genkit-openai (Python) and genkitx-ollama (JS) reject the CLI's requests without config; Python google-genai
        // cannot download the internet image URL the CLI sends offline.
        Set<String> labels =
                Set.of("What does a test's request carry?", "Which image URL does a test send under `--emulate`?");
        for (JsonNode d : comparison.get("disagreements"))
            assertTrue(labels.contains(d.get("choice").asText()), d.toString());
    }
}
