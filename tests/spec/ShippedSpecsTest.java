package conform.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conform.support.RepoRoot;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The specs in specs/ load cleanly and cover the 13 plugins. The models and counts began as the reference suite's;
 * since issue 13 they follow what the pinned plugins register (`conform models --emulate`): google-genai's Gemini 3
 * Pro suite moved to gemini-3.1-pro-preview (gemini-3-pro-preview was shut down and JS 1.42.0 no longer registers it),
 * and suites were added for models the packages register today — anthropic claude-sonnet-4-6 and claude-opus-4-7
 * (2 × 9 tests), compat-oai gpt-5 and gpt-5-mini (2 × 9), google-genai gemini-3-flash-preview (7), the
 * gemini-3.1-flash-tts-preview TTS model (1) and the gemini-2.5-flash-image image-output model (1).
 */
class ShippedSpecsTest {

    private static Map<String, PluginSpec> loadAll() {
        Map<String, PluginSpec> specs = new TreeMap<>();
        SpecFiles.find(RepoRoot.find().resolve("specs"))
                .forEach((plugin, file) -> specs.put(plugin, SpecLoaderTest.LOADER.load(plugin, file)));
        return specs;
    }

    @Test
    void thirteenPluginsThirtyFourModelsAndTheirTests() {
        Map<String, PluginSpec> specs = loadAll();
        assertEquals(13, specs.size());
        assertEquals(
                34, specs.values().stream().mapToInt(s -> s.suites().size()).sum());
        assertEquals(
                206, specs.values().stream().mapToInt(PluginSpec::testCount).sum());
    }

    @Test
    void perPluginTestCounts() {
        StringBuilder counts = new StringBuilder();
        loadAll().forEach((plugin, spec) -> counts.append(plugin + " " + spec.testCount() + "\n"));
        assertEquals("""
            amazon-bedrock 8
            anthropic 52
            cloudflare-workers-ai 4
            cohere 6
            compat-oai 38
            deepseek 10
            google-genai 35
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
                .filter(s -> s.model().equals("googleai/gemini-3.1-pro-preview"))
                .findFirst()
                .orElseThrow();
        assertEquals(7, preview.builtinCount());
        assertEquals(3, preview.customCount());
    }
}
