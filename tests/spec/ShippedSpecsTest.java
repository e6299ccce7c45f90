package conform.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conform.support.RepoRoot;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The specs in specs/ load cleanly and cover the 13 plugins with the models and counts of the reference suite. */
class ShippedSpecsTest {

    private static Map<String, PluginSpec> loadAll() {
        Map<String, PluginSpec> specs = new TreeMap<>();
        SpecFiles.find(RepoRoot.find().resolve("specs"))
                .forEach((plugin, file) -> specs.put(plugin, SpecLoaderTest.LOADER.load(plugin, file)));
        return specs;
    }

    @Test
    void thirteenPluginsTwentySevenModelsAndTheirTests() {
        Map<String, PluginSpec> specs = loadAll();
        assertEquals(13, specs.size());
        assertEquals(
                27, specs.values().stream().mapToInt(s -> s.suites().size()).sum());
        assertEquals(
                161, specs.values().stream().mapToInt(PluginSpec::testCount).sum());
    }

    @Test
    void perPluginTestCounts() {
        StringBuilder counts = new StringBuilder();
        loadAll().forEach((plugin, spec) -> counts.append(plugin + " " + spec.testCount() + "\n"));
        assertEquals("""
            amazon-bedrock 8
            anthropic 34
            cloudflare-workers-ai 4
            cohere 6
            compat-oai 20
            deepseek 10
            google-genai 26
            huggingface 2
            microsoft-foundry 9
            mistral 18
            ollama 3
            vertex-ai 11
            xai 10
            """, counts.toString(), "plugin and test count, a line each in name order");
    }

    @Test
    void noShippedSpecHasWarnings() {
        loadAll().forEach((plugin, spec) -> assertTrue(spec.warnings().isEmpty(), plugin + ": " + spec.warnings()));
    }

    @Test
    void googleGenaiHasItsCustomTests() {
        Path file = RepoRoot.find().resolve("specs/google-genai.yaml");
        PluginSpec spec = SpecLoaderTest.LOADER.load("google-genai", file);
        Suite preview = spec.suites().stream()
                .filter(s -> s.model().equals("googleai/gemini-3-pro-preview"))
                .findFirst()
                .orElseThrow();
        assertEquals(7, preview.builtinCount());
        assertEquals(3, preview.customCount());
    }
}
