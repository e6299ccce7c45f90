package conform.models;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import conform.diag.ExitCode;
import conform.report.ModelsFile;
import conform.support.CliRun;
import conform.support.Fixtures;
import conform.support.RealRuntimes;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * `conform models` on the fixture runtimes, whose fixtures differ on purpose: only JS registers conformtest/echo-text,
 * and Python declares conformtest/echo's toolChoice false. The console, models.json and models.html say the same.
 */
@ExtendWith(RealRuntimes.class)
class ModelsCommandTest {

    @RegisterExtension
    private final TempProject work = TempProject.create();

    private static CliRun models(String... args) {
        List<String> all =
                new ArrayList<>(List.of("models", "--config", Fixtures.config().toString(), "--no-color"));
        all.addAll(List.of(args));
        return CliRun.withProcessEnvironment(RepoRoot.find(), all.toArray(String[]::new));
    }

    @Test
    void theMatrixPutsTheDifferencesFirstAndTheFilesAgree() throws Exception {
        CliRun r = models(
                        "--runtime", "js,python,go", "--report-dir", work.root().toString())
                .expect(ExitCode.OK);
        List<String> lines = r.out().lines().toList();
        int differences = indexOf(lines, "Differences between runtimes (2)");
        int echo = indexOf(lines, "conformtest/echo ");
        int text = indexOf(lines, "conformtest/echo-text (untested)");
        assertTrue(differences < echo && echo < text, r.toString());
        assertTrue(lines.get(echo).matches("\\s+conformtest/echo\\s+listed\\s+listed\\s+listed"), lines.get(echo));
        assertTrue(lines.get(echo + 1).matches("\\s+toolChoice\\s+true\\s+false\\s+true"), lines.get(echo + 1));
        assertTrue(
                lines.get(text).matches("\\s+conformtest/echo-text \\(untested\\)\\s+listed\\s+—\\s+—"),
                lines.get(text));
        r.expectOut(
                "untested  1 listed model(s) have no suite:", "1 plugin(s) · 3 runtime listing(s) · 2 model(s) differ");

        JsonNode json = new ObjectMapper().readTree(work.path("models.json").toFile());
        assertEquals(1, json.get("schema").asInt());
        JsonNode findings = json.at("/plugins/0/findings");
        assertEquals("conformtest/echo", findings.at("/differences/0/model").asText());
        assertEquals(
                "{\"js\":true,\"python\":false,\"go\":true}",
                findings.at("/differences/0/fields/toolChoice").toString());
        assertEquals(
                "{\"js\":\"listed\",\"python\":null,\"go\":null}",
                findings.at("/differences/1/presence").toString());
        assertEquals("[\"conformtest/echo-text\"]", findings.get("untested").toString());
        assertEquals("[]", findings.get("stale").toString());

        // Read back, the file gives the same findings; the HTML names the same models and fields.
        PluginModels read = ModelsFile.read(work.path("models.json")).plugins().get(0);
        assertEquals(
                List.of("conformtest/echo", "conformtest/echo-text"),
                read.differences().stream().map(ModelRow::model).toList());
        String html = Files.readString(work.path("models.html"));
        for (String shown : List.of("conformtest/echo-text", "toolChoice", "Differences between runtimes"))
            assertTrue(html.contains(shown), shown);
        assertTrue(Files.exists(work.path("logs/echo-js.models.log")), "each runtime's log is kept with the reports");
    }

    @Test
    void checkModelsReportsCarryTheInventoryOfWhatRanTakenFromTheRunsThemselves() throws Exception {
        Fixtures.Outcome o = Fixtures.checkModel("passing", "js,python", work.root());
        o.cli().expect(ExitCode.OK).expectErr("1 plugin(s) · 2 runtime listing(s) · 2 model(s) differ");
        ModelInventory inventory = ModelsFile.read(work.path("models.json"));
        assertEquals(List.of("js", "python"), inventory.plugins().get(0).runtimes());
        // No runtime was started again for it (an inventory's own start logs to <plugin>-<runtime>.models.log), and it
        // says what `conform models` says.
        assertFalse(Files.exists(work.path("logs/echo-js.models.log")), "the runtime was started once");
        models(
                        "--runtime",
                        "js,python",
                        "--specs-dir",
                        Fixtures.scenario("passing").toString(),
                        "--report-dir",
                        work.path("models").toString())
                .expect(ExitCode.OK);
        assertEquals(withoutTime(work.path("models/models.json")), withoutTime(work.path("models.json")));
        String report = Files.readString(work.path("report.html"));
        assertTrue(report.contains("<h2 id=\"models\">Models</h2>") && report.contains("conformtest/echo-text"));
        // Rendered again from the files, report.html keeps the section.
        CliRun.run(
                        RepoRoot.find(),
                        "report",
                        work.path("results.json").toString(),
                        "--out",
                        work.path("again").toString())
                .expect(ExitCode.OK);
        assertTrue(Files.readString(work.path("again/report.html")).contains("conformtest/echo-text"));
    }

    @Test
    void aSuiteWhoseModelNoRuntimeListsIsStale() throws Exception {
        Path specs = Files.createDirectories(work.path("specs"));
        Files.writeString(specs.resolve("echo.yaml"), """
            - model: conformtest/echo
              supports: [multiturn]
            - model: conformtest/retired
              supports: [multiturn]
            """);
        CliRun r = models("--runtime", "js,go", "--specs-dir", specs.toString()).expect(ExitCode.OK);
        r.expectOut("stale  conformtest/retired: no runtime lists it", "1 stale suite(s)");
    }

    @Test
    void againstTheEmulatorOnlyWhatAPluginRegistersByItselfIsListed() {
        // The JS google-genai plugin (1.42.0) no longer knows gemini-3-pro-preview, which the emulator would serve:
        // it is registered only when called, in every runtime, so its suite is stale.
        Path specs = work.path("retired");
        work.write("retired/google-genai.yaml", """
            - model: googleai/gemini-3-pro-preview
              supports: [multiturn]
            - model: googleai/gemini-2.5-flash
              supports: [multiturn]
            """);
        CliRun r = CliRun.withProcessEnvironment(
                        RepoRoot.find(),
                        "models",
                        "google-genai",
                        "--emulate",
                        "--runtime",
                        "js,go",
                        "--specs-dir",
                        specs.toString(),
                        "--no-color")
                .expect(ExitCode.OK);
        r.expectOut(
                "stale  googleai/gemini-3-pro-preview: no runtime lists it (js, go register it only when it is called)",
                "1 stale suite(s)");
    }

    @Test
    void checkModelTellsTheModelsAPluginRegistersOnlyWhenCalled() throws Exception {
        // As against the emulator above, now from check-model's own runs: their runtimes were not asked to register the
        // spec's models up front, so gemini-3-pro-preview is registered on call only, and its suite is stale.
        work.write("retired/google-genai.yaml", "- model: googleai/gemini-3-pro-preview\n  supports: [multiturn]\n");
        Fixtures.Outcome o = Fixtures.checkModel(
                RepoRoot.find(),
                RepoRoot.find().resolve("conform.toml"),
                work.path("reports"),
                "google-genai",
                "--emulate",
                "--runtime",
                "js,go",
                "--specs-dir",
                work.path("retired").toString());
        o.cli().expectErr("1 stale suite(s)");
        PluginModels plugin =
                ModelsFile.read(work.path("reports/models.json")).plugins().get(0);
        assertEquals(List.of("googleai/gemini-3-pro-preview"), plugin.stale());
        assertTrue(
                plugin.describeStale("googleai/gemini-3-pro-preview")
                        .contains("js, go register it only when it is called"),
                plugin.describeStale("googleai/gemini-3-pro-preview"));
    }

    /** A models.json without the time it was made. */
    private static JsonNode withoutTime(Path file) throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        json.remove("generated_at");
        return json;
    }

    @Test
    void aPluginWithoutItsKeysIsListedAgainstTheEmulator() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("ANTHROPIC_API_KEY");
        CliRun r = CliRun.run(RepoRoot.find(), env, "models", "anthropic", "--runtime", "js", "--no-color")
                .expect(ExitCode.OK);
        assertTrue(
                r.out().matches("(?s).*\\n  js  \\d+ model\\(s\\) listed · against the emulator\\n.*"), r.toString());
        r.expectOut(
                "anthropic/claude-sonnet-4-6",
                "against the emulator: the emulator lists no provider's model catalogue");
    }

    private static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(fragment)) return i;
        throw new AssertionError("no line says \"" + fragment + "\" in\n" + String.join("\n", lines));
    }
}
