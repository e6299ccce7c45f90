package conform.packages;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ExitCode;
import conform.support.CheckoutCopy;
import conform.support.CliRun;
import conform.support.Fixtures;
import conform.support.PublishedCopy;
import conform.support.RealRuntimes;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rule for model plugins on Genkit's real packages, offline: the Go module conform pins, as the module cache holds
 * it (its plugins/ is the monorepo's go/plugins), and the npm packages entries/js installs. And an entry new-entry
 * writes for a real plugin runs under --emulate.
 */
@ExtendWith(RealRuntimes.class)
class RealPackagesTest {

    private static final Path REPO = RepoRoot.find();

    @RegisterExtension
    private final TempProject work = TempProject.create();

    private static CliRun checkPlugin(String runtime, Path pluginsDir) {
        return CliRun.run(
                REPO,
                "check-plugin",
                "--runtime",
                runtime,
                "--plugins-dir",
                runtime + ":" + pluginsDir,
                "-v",
                "--config",
                REPO.resolve("conform.toml").toString());
    }

    @Test
    void theGoPluginsOfThePinnedModuleAreFoundAndLinkedToTheirEntries() {
        String version = PublishedCopy.pinned("go", "(?m)^\\s*github\\.com/firebase/genkit/go (v\\S+)$", "go.mod");
        Path module = PublishedCopy.goModuleCache(REPO.resolve("entries/go"), "github.com/firebase/genkit/go", version);
        CliRun r = checkPlugin("go", module.resolve("plugins")).expect(ExitCode.FAILED);
        for (String row : new String[] {
            "anthropic     github.com/firebase/genkit/go/plugins/anthropic    anthropic    ✓      ✓",
            "compat-oai    github.com/firebase/genkit/go/plugins/compat_oai   compat_oai   ✓      ✓",
            "google-genai  github.com/firebase/genkit/go/plugins/googlegenai  googlegenai  ✓      ✓",
            "ollama        github.com/firebase/genkit/go/plugins/ollama       ollama       ✓      ✓",
            "vertex-ai     github.com/firebase/genkit/go/plugins/vertexai     vertexai     none   ✓"
        }) r.expectOut(row);
        r.expectOut(
                "vertex-ai (go): github.com/firebase/genkit/go/plugins/vertexai in ",
                "`conform new-entry vertex-ai --runtime go` writes one",
                "firebase: not a model plugin");
        assertFalse(r.out().contains("internal"), "plugins/internal is no plugin:\n" + r);
    }

    @Test
    void thePublishedNpmPackagesAreFoundAndGenkitItselfIsNoPlugin() {
        CliRun r = checkPlugin("js", REPO.resolve("entries/js/node_modules/@genkit-ai"));
        r.expectOut(
                "anthropic                  @genkit-ai/anthropic     anthropic     ✓      ✓",
                "compat-oai, deepseek, xai  @genkit-ai/compat-oai    compat-oai    ✓      ✓",
                "google-genai               @genkit-ai/google-genai  google-genai  ✓      ✓",
                "ai: not a model plugin, Genkit itself",
                "core: not a model plugin, Genkit itself");
        assertFalse(r.out().contains("(js): @genkit-ai/"), "no gap:\n" + r);
    }

    /**
     * An installed plugin (genkit-anthropic, from the pinned venv) in a plugins directory under another name, with a
     * spec but no entry: new-entry writes one, and it passes under --emulate as the shipped entry does.
     */
    @Test
    void anEntryNewEntryWritesRunsUnderTheEmulator() throws IOException {
        Path installed;
        try (Stream<Path> found = Files.list(REPO.resolve("entries/python/.venv/lib"))) {
            installed = found.findFirst().orElseThrow().resolve("site-packages/genkit_anthropic");
        }
        CheckoutCopy.cpA(installed, Files.createDirectories(work.path("plugins/my-anthropic/src/genkit_anthropic")));
        work.write(
                        "plugins/my-anthropic/pyproject.toml",
                        "[project]\nname = \"genkit-anthropic\"\nversion = \"0.12.0\"\n"
                                + "dependencies = [\"genkit\", \"anthropic\"]\n")
                .write(
                        "specs/my-anthropic.yaml",
                        "- model: anthropic/claude-sonnet-4\n  supports: [multiturn, system-role]\n")
                .write("entries/python/_conformrt.py", Files.readString(REPO.resolve("entries/python/_conformrt.py")));
        Path config = Fixtures.config(work, "[conform.emulate]\nmy-anthropic = \"anthropic\"\n");
        Files.writeString(
                config,
                Files.readString(config)
                        + "[conform.runtimes.python]\ncwd = \"%s\"\nentries-dir = \"entries/python\"\nplugins-dir = \"plugins\"\n"
                                .formatted(REPO.resolve("entries/python")));

        CliRun.run(work.root(), "new-entry", "my-anthropic", "--runtime", "python")
                .expect(ExitCode.OK)
                .expectOut("Genkit with genkit-anthropic's Anthropic");
        String entry = Files.readString(work.path("entries/python/my-anthropic.py"));
        assertTrue(entry.contains("from genkit_anthropic import Anthropic"), entry);

        Fixtures.Outcome o = Fixtures.checkModel(
                work.root(), config, work.path("report"), "my-anthropic", "--runtime", "python", "--emulate");
        o.cli().expect(ExitCode.OK);
        assertEquals(2, o.statuses().size(), o.toString());
        assertTrue(
                o.statuses().values().stream().allMatch("passed"::equals),
                o.statuses().toString());
    }
}
