package conform.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import conform.diag.ExitCode;
import conform.support.CliRun;
import conform.support.RealRuntimes;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * `conform models --emulate` on the shipped plugins in JS, Python and Go: no shipped suite is stale, and the real
 * differences between the pinned packages show (a google-genai model only JS registers, anthropic and compat-oai
 * metadata that differs between runtimes).
 */
@ExtendWith(RealRuntimes.class)
class ShippedPluginsInventoryTest {

    @RegisterExtension
    private final TempProject work = TempProject.create();

    @Test
    void noShippedSuiteIsStaleAndTheRealDifferencesShow() throws Exception {
        CliRun r = CliRun.withProcessEnvironment(
                        RepoRoot.find(),
                        "models",
                        "anthropic",
                        "compat-oai",
                        "google-genai",
                        "ollama",
                        "--emulate",
                        "--report-dir",
                        work.root().toString(),
                        "--no-color")
                .expect(ExitCode.OK);
        r.expectOut("4 plugin(s) · 12 runtime listing(s)", "0 stale suite(s)");
        Map<String, JsonNode> plugins = new HashMap<>();
        new ObjectMapper()
                .readTree(work.path("models.json").toFile())
                .get("plugins")
                .forEach(p -> plugins.put(p.get("plugin").asText(), p));
        plugins.forEach((name, p) -> assertEquals("[]", p.at("/findings/stale").toString(), name));
        assertEquals(
                "{\"js\":\"listed\",\"python\":null,\"go\":null}",
                difference(plugins.get("google-genai"), "googleai/gemini-3.5-flash")
                        .get("presence")
                        .toString());
        assertEquals(
                "{\"js\":\"all\",\"python\":\"all\",\"go\":\"none\"}",
                difference(plugins.get("anthropic"), "anthropic/claude-sonnet-4-5")
                        .at("/fields/constrained")
                        .toString());
        assertEquals(
                "[\"json\",\"text\"]",
                difference(plugins.get("compat-oai"), "openai/gpt-4o")
                        .at("/fields/output/js")
                        .toString());
        assertEquals(
                "[\"json_mode\",\"structured_outputs\",\"text\"]",
                difference(plugins.get("compat-oai"), "openai/gpt-4o")
                        .at("/fields/output/python")
                        .toString());
    }

    private static JsonNode difference(JsonNode plugin, String model) {
        for (JsonNode d : plugin.at("/findings/differences"))
            if (d.get("model").asText().equals(model)) return d;
        throw new AssertionError("no difference for " + model + " in " + plugin.at("/findings/differences"));
    }
}
