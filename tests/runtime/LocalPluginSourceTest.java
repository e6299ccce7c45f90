package conform.runtime;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import conform.config.ConfigLoader;
import conform.config.LocalSource;
import conform.config.RuntimeConfig;
import conform.diag.ExitCode;
import conform.redact.Redactor;
import conform.support.Fixtures;
import conform.support.PublishedCopy;
import conform.support.PublishedCopy.Patch;
import conform.support.RealRuntimes;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A patched local copy of a real published plugin changes the verdict in each runtime: it fixes a bug recorded in
 * conform.toml's known failures, so under --emulate the record reports xpass, and dropping --source brings the
 * published behaviour (xfail) back without reinstalling anything. The committed lock files and the pinned venv stay
 * as they were, and an edit of the local copy rebuilds only what uses the edited file.
 */
@ExtendWith(RealRuntimes.class)
class LocalPluginSourceTest {

    private static final Path REPO = RepoRoot.find();
    private static final List<String> PLUGINS = List.of("anthropic", "compat-oai", "google-genai", "ollama");
    private static final Redactor NO_SECRETS = Redactor.fromEnvironment(Map.of(), List.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    private final TempProject work = TempProject.create();

    /** One shipped plugin's recorded bug: the test that shows it, in one model. */
    private record Case(String runtime, String plugin, String model, String test, List<String> committed) {}

    @Test
    void jsCompatOaiThatReturnsJsonAsTextPassesWhereThePublishedOneIsAKnownFailure() throws Exception {
        String version = PublishedCopy.pinned("js", "\"@genkit-ai/compat-oai\": \"([^\"]+)\"", "package.json");
        String broken = "jsonMode ? { data: JSON.parse(choice.message.content) } : { text: choice.message.content }";
        String fixed = "{ text: choice.message.content }";
        Path copy = PublishedCopy.npm(
                "@genkit-ai/compat-oai",
                version,
                new Patch("lib/model.mjs", broken, fixed),
                new Patch("lib/model.js", broken, fixed));
        String source = "js:@genkit-ai/compat-oai=" + copy;
        verdictFollowsTheSource(
                new Case(
                        "js",
                        "compat-oai",
                        "openai/gpt-4o",
                        "Structured Output Conformance",
                        List.of("package.json", "package-lock.json")),
                source,
                copy);

        // Every entry bundled with the copy; then an edit of a file only compat-oai's bundle holds rebuilds that alone.
        RuntimeConfig rt = withSource("js", source);
        SetupTasks.run(SetupTasks.pending(rt, PLUGINS), work.path("setup.log"), NO_SECRETS, task -> {});
        Path overlay = rt.cwd().resolve(SourceOverlay.directory(rt.sources()));
        long anthropicBuilt = modified(overlay.resolve("build/anthropic.mjs"));
        whileEdited(
                copy.resolve("README.md"),
                text -> text + "\nedited\n",
                () -> assertEquals(
                        List.of(), SetupTasks.pending(rt, PLUGINS), "a file no entry bundles rebuilds nothing"));
        whileEdited(
                copy.resolve("lib/model.mjs"),
                text -> text.replace("Unsupported genkit part fields", "Edited genkit part fields"),
                () -> {
                    List<SetupTasks.Task> rebuilt = SetupTasks.pending(rt, PLUGINS);
                    assertEquals(List.of(overlay.resolve("build/compat-oai.mjs")), creates(rebuilt));
                    SetupTasks.run(rebuilt, work.path("setup.log"), NO_SECRETS, task -> {});
                    assertTrue(Files.readString(overlay.resolve("build/compat-oai.mjs"))
                            .contains("Edited genkit part fields"));
                    assertEquals(
                            anthropicBuilt,
                            modified(overlay.resolve("build/anthropic.mjs")),
                            "anthropic's bundle stays");
                });
    }

    @Test
    void pythonAmazonBedrockThatSendsTheSchemaPassesWhereThePublishedOneIsAKnownFailure() throws Exception {
        Path python = REPO.resolve("entries/python/.venv/bin/python");
        String version = PublishedCopy.pinned("python", "(?m)^genkit-amazon-bedrock==(\\S+)$", "requirements.txt");
        Path copy = PublishedCopy.pypi(
                python,
                "genkit-amazon-bedrock",
                version,
                new Patch(
                        "src/genkit_amazon_bedrock/converters.py",
                        "        kwargs['toolConfig'] = tool_config\n    return kwargs\n",
                        "        kwargs['toolConfig'] = tool_config\n"
                            + "    if request.output is not None and request.output.json_schema:  # conform's test\n"
                            + "        schema = {'schema': json.dumps(request.output.json_schema), 'name': 'output'}\n"
                            + "        kwargs['outputConfig'] = {'textFormat': {'type': 'json_schema', 'structure':"
                            + " {'jsonSchema': schema}}}\n"
                            + "    return kwargs\n"));
        String source = "python:genkit-amazon-bedrock=" + copy;
        Case c = new Case(
                "python",
                "amazon-bedrock",
                "bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0",
                "Structured Output Conformance",
                List.of("requirements.txt"));
        setUpPublished(c);
        Map<String, String> pinnedVenv = files(sitePackages());
        verdictFollowsTheSource(c, source, copy);
        assertEquals(pinnedVenv, files(sitePackages()), "the pinned venv is as it was");

        // The copy is installed editable: an edit of its code needs nothing, an edit of its metadata reinstalls it.
        RuntimeConfig rt = withSource("python", source);
        whileEdited(
                copy.resolve("src/genkit_amazon_bedrock/converters.py"),
                text -> text + "\n# edited\n",
                () -> assertEquals(List.of(), SetupTasks.pending(rt, PLUGINS), "an edit of the code is live at once"));
        whileEdited(copy.resolve("pyproject.toml"), text -> text + "\n# edited\n", () -> {
            List<SetupTasks.Task> reinstall = SetupTasks.pending(rt, PLUGINS);
            assertEquals(1, reinstall.size(), reinstall.toString());
            assertTrue(reinstall.get(0).command().containsAll(List.of("--editable", copy.toString())));
        });
    }

    @Test
    void goAnthropicWithADefaultMaxTokensPassesWhereThePublishedOneIsAKnownFailure() throws Exception {
        String module = "github.com/firebase/genkit/go";
        String version = PublishedCopy.pinned("go", "(?m)^\\s*github\\.com/firebase/genkit/go (v\\S+)$", "go.mod");
        Path copy = PublishedCopy.goModule(
                REPO.resolve("entries/go"),
                module,
                version,
                new Patch(
                        "plugins/internal/anthropic/anthropic.go",
                        "return nil, errors.New(\"maxTokens not set\")",
                        "req.MaxTokens = 1024 // conform's test: a default, as the JS plugin has"));
        String source = "go:" + module + "=" + copy;
        verdictFollowsTheSource(
                new Case(
                        "go",
                        "anthropic",
                        "anthropic/claude-sonnet-4",
                        "Multiturn Conformance",
                        List.of("go.mod", "go.sum")),
                source,
                copy);

        // Every entry depends on the module: each is built again, and go's cache recompiles only what changed.
        RuntimeConfig rt = withSource("go", source);
        SetupTasks.run(SetupTasks.pending(rt, List.of("anthropic")), work.path("setup.log"), NO_SECRETS, t -> {});
        Path bin = rt.cwd().resolve(SourceOverlay.directory(rt.sources()) + "/bin/anthropic");
        whileEdited(
                copy.resolve("plugins/internal/anthropic/anthropic.go"),
                text -> text + "\n// edited\n",
                () -> assertEquals(List.of(bin), creates(SetupTasks.pending(rt, List.of("anthropic")))));
        assertEquals(List.of(), SetupTasks.pending(rt, List.of("anthropic")), "the edit undone, nothing to build");
    }

    /**
     * With the published packages set up, the local copy passes the case (xpass, with the source in results.json),
     * and the published package fails it as recorded (xfail) afterwards with nothing set up again; the committed files
     * of the runtime are as they were.
     */
    private void verdictFollowsTheSource(Case c, String source, Path copy) throws Exception {
        Path cwd = REPO.resolve("entries").resolve(c.runtime());
        Map<String, String> committed = new TreeMap<>();
        for (String file : c.committed()) committed.put(file, Files.readString(cwd.resolve(file)));

        setUpPublished(c);

        Fixtures.Outcome local = check(c, "local", ExitCode.FAILED, "--source", source);
        assertEquals("xpass", local.result(c.test()).get("status").asText(), local.toString());
        JsonNode used = local.run().get("sources");
        assertEquals(1, used.size(), used.toString());
        assertEquals(copy.toString(), used.get(0).get("path").asText());
        assertTrue(used.get(0).get("commit").isNull(), "an ignored folder of the checkout is not its code: " + used);
        assertTrue(local.cli().err().contains("Local sources (not the published packages)"), local.toString());
        JsonNode models = JSON.readTree(work.path("local/models.json").toFile());
        assertEquals(
                copy.toString(),
                models.at("/local_sources/" + c.runtime() + "/0/path").asText(),
                "the inventory check-model takes lists the runtime from its overlay, and says so: " + models);

        Fixtures.Outcome after = check(c, "after", ExitCode.OK);
        assertEquals("xfail", after.result(c.test()).get("status").asText(), after.toString());
        assertFalse(after.cli().err().contains("  … " + c.runtime() + ":"), "nothing set up again: " + after);
        assertEquals(0, after.run().get("sources").size());
        assertFalse(JSON.readTree(work.path("after/models.json").toFile()).has("local_sources"));

        for (String file : c.committed())
            assertEquals(committed.get(file), Files.readString(cwd.resolve(file)), file + " is as committed");
    }

    private interface Check {
        void run() throws Exception;
    }

    /** Runs {@code check} with {@code file} edited, then puts the file back as it was (the copy is kept). */
    private static void whileEdited(Path file, UnaryOperator<String> edit, Check check) throws Exception {
        String original = Files.readString(file);
        try {
            Files.writeString(file, edit.apply(original));
            check.run();
        } finally {
            Files.writeString(file, original);
        }
    }

    /** The published packages and entry of the case, set up as a run of them would. */
    private void setUpPublished(Case c) throws Exception {
        RuntimeConfig published =
                ConfigLoader.load(REPO.resolve("conform.toml")).runtimes().get(c.runtime());
        SetupTasks.run(SetupTasks.pending(published, List.of(c.plugin())), work.path("setup.log"), NO_SECRETS, t -> {});
    }

    private Fixtures.Outcome check(Case c, String name, ExitCode expected, String... more) {
        List<String> args = new ArrayList<>(
                List.of(c.plugin(), "--runtime", c.runtime(), "--emulate", "--model", c.model(), "--test", c.test()));
        args.addAll(List.of(more));
        Fixtures.Outcome o =
                Fixtures.checkModel(REPO, REPO.resolve("conform.toml"), work.path(name), args.toArray(String[]::new));
        o.cli().expect(expected, name);
        return o;
    }

    private static RuntimeConfig withSource(String runtime, String source) {
        return ConfigLoader.load(REPO.resolve("conform.toml"))
                .withSources(LocalSource.fromArguments(List.of(source), REPO), false)
                .runtimes()
                .get(runtime);
    }

    private static List<Path> creates(List<SetupTasks.Task> tasks) {
        return tasks.stream().map(SetupTasks.Task::creates).toList();
    }

    private static long modified(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toMillis();
    }

    private static Path sitePackages() throws IOException {
        try (Stream<Path> lib = Files.list(REPO.resolve("entries/python/.venv/lib"))) {
            return lib.findFirst().orElseThrow().resolve("site-packages");
        }
    }

    /** Every file below {@code root} but bytecode, with its size and modification time. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path file :
                    all.filter(f -> !f.toString().contains("__pycache__")).toList()) {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                if (a.isRegularFile()) out.put(root.relativize(file).toString(), a.size() + "@" + a.lastModifiedTime());
            }
        }
        return out;
    }
}
