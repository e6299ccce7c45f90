package conform.cli;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ExitCode;
import conform.support.CliRun;
import conform.support.PluginsDirFixture;
import conform.support.TempProject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * `conform new-entry`: for a model plugin of a plugins directory with a spec and no entry, an entry in the runtime's
 * style that check-model's dry run accepts; never over an existing entry, and never for what it cannot test.
 */
class NewEntryTest {

    @RegisterExtension
    private final TempProject project = PluginsDirFixture.create();

    private CliRun run(String... args) {
        return CliRun.run(project.root(), Map.of(), args);
    }

    private String written(String entry) throws IOException {
        return Files.readString(project.path(entry));
    }

    @Test
    void writesAJsEntryThatTheDryRunAccepts() throws IOException {
        run("new-entry", "beta", "--runtime", "js")
                .expect(ExitCode.OK)
                .expectOut(
                        "✓ wrote " + project.path("entries/js/beta.ts") + ": Genkit with genkitx-beta's beta",
                        "Next:",
                        "1. add genkitx-beta to " + project.path("entries/js/package.json")
                                + ": `npm install --save-exact genkitx-beta@1.2.3`",
                        "--source js:genkitx-beta=" + project.path("genkit/js/plugins/beta"),
                        "name the API it speaks under [conform.emulate]",
                        "`conform check-model beta --runtime js --dry-run`");
        String entry = written("entries/js/beta.ts");
        assertTrue(entry.contains("import { beta } from 'genkitx-beta';"), entry);
        assertTrue(entry.contains("import { registerModels } from './_conformrt';"), entry);
        assertTrue(entry.contains("plugins: [beta()],"), entry);
        assertTrue(entry.contains("await registerModels(ai);"), entry);
        assertTrue(entry.contains("The plugin is `beta`: the package's only exported function."), entry);

        run("check-model", "beta", "--runtime", "js", "--dry-run")
                .expect(ExitCode.OK)
                .expectOut("beta", "beta/one");
        run("check-plugin", "--runtime", "js").expectOut("beta    genkitx-beta");
    }

    @Test
    void aDefaultExportIsImportedAsOne() throws IOException {
        project.delete("entries/js/alpha.ts");
        run("new-entry", "alpha", "--runtime", "js").expect(ExitCode.OK).expectOut("the others: alphaTool");
        String entry = written("entries/js/alpha.ts");
        assertTrue(entry.contains("import alpha from '@acme/genkit-alpha';"), entry);
    }

    @Test
    void writesAPythonEntryThatTheDryRunAccepts() throws IOException {
        run("new-entry", "beta", "--runtime", "python")
                .expect(ExitCode.OK)
                .expectOut(
                        "Genkit with genkit-plugin-beta's Beta",
                        "pin genkit-plugin-beta==0.12.0 (and what it needs) in "
                                + project.path("entries/python/requirements.txt"));
        String entry = written("entries/python/beta.py");
        assertTrue(entry.contains("import _conformrt as conformrt  # first: see its docstring"), entry);
        assertTrue(entry.contains("from genkit.plugins.beta import Beta"), entry);
        assertTrue(entry.contains("conformrt.serve(conformrt.with_spec_models(Beta)())"), entry);
        run("check-model", "beta", "--runtime", "python", "--dry-run").expect(ExitCode.OK);
    }

    @Test
    void aPackageAlreadyPinnedNeedsNoInstall() {
        project.delete("entries/python/alpha.py");
        CliRun r = run("new-entry", "alpha", "--runtime", "python").expect(ExitCode.OK);
        assertFalse(r.out().contains("pin "), r.toString());
    }

    @Test
    void writesAGoEntryThatTheDryRunAccepts() throws IOException {
        run("new-entry", "beta", "--runtime", "go")
                .expect(ExitCode.OK)
                .expectOut("Genkit with example.com/genkit/go/plugins/beta's Beta");
        String entry = written("entries/go/beta/main.go");
        assertTrue(entry.contains("\"conform.local/entries/internal/conformrt\""), entry);
        assertTrue(entry.contains("\"example.com/genkit/go/plugins/beta\""), entry);
        assertTrue(entry.contains("plugin := &beta.Beta{}"), entry);
        assertTrue(
                entry.contains("genkit.Init(ctx, genkit.WithPlugins(conformrt.WithModels{DynamicPlugin: plugin}))"),
                "the plugin resolves models on demand, so the spec's are registered up front:\n" + entry);
        run("check-model", "beta", "--runtime", "go", "--dry-run").expect(ExitCode.OK);
    }

    @Test
    void aGoPluginThatResolvesNoModelIsAddedAsItIs() throws IOException {
        project.write("specs/gamma.yaml", "- model: gamma/one\n");
        run("new-entry", "gamma", "--runtime", "go").expect(ExitCode.OK);
        String entry = written("entries/go/gamma/main.go");
        assertTrue(entry.contains("\tgenkit.Init(ctx, genkit.WithPlugins(plugin))"), entry);
        assertTrue(entry.contains("define the spec's models here after Init"), entry);
    }

    @Test
    void neverWritesOverAnEntry() throws IOException {
        project.write("entries/python/beta.py", "from genkit_beta import Beta\n");
        run("new-entry", "beta", "--runtime", "python")
                .expect(ExitCode.USAGE)
                .expectErr(
                        project.path("entries/python/beta.py") + " exists already, and new-entry never writes over an"
                                + " entry",
                        "it imports none of genkit-plugin-beta's modules");
        assertEquals("from genkit_beta import Beta\n", written("entries/python/beta.py"));
        run("new-entry", "alpha", "--runtime", "js")
                .expect(ExitCode.USAGE)
                .expectErr("@acme/genkit-alpha has an entry in js already: alpha");
    }

    @Test
    void refusesWhatItCannotTest() {
        run("new-entry", "gamma", "--runtime", "js")
                .expect(ExitCode.USAGE)
                .expectErr("gamma has no spec", "write " + project.path("specs/gamma.yaml") + " first");
        run("new-entry", "tools", "--runtime", "js")
                .expect(ExitCode.USAGE)
                .expectErr("tools in ", "is no model plugin by conform's rule", "additional-model-plugins");
        run("new-entry", "betta", "--runtime", "go")
                .expect(ExitCode.USAGE)
                .expectErr("no model plugin `betta` in", "(did you mean `beta`?)");
        run("new-entry", "beta")
                .expect(ExitCode.USAGE)
                .expectErr("new-entry writes the entry of one runtime", "--runtime js, --runtime python");
        project.write("conform.toml", "[conform]\n[conform.runtimes.js]\n");
        run("new-entry", "beta", "--runtime", "js")
                .expect(ExitCode.USAGE)
                .expectErr("runtime `js` has no plugins directory", "or pass --plugins-dir DIR");
        assertFalse(Files.exists(project.path("entries/js/beta.ts")));
    }

    @Test
    void aPackageWithoutANameCannotBeImported() {
        project.write("genkit/js/plugins/nameless/package.json", "{\"dependencies\": {\"genkit\": \"^1.0.0\"}}")
                .write("genkit/js/plugins/nameless/src/index.ts", "import { model } from 'genkit/plugin';\n")
                .write("specs/nameless.yaml", "- model: nameless/one\n");
        run("check-plugin", "--runtime", "js").expectOut("nameless (js): nameless in ");
        run("new-entry", "nameless", "--runtime", "js")
                .expect(ExitCode.USAGE)
                .expectErr(project.path("genkit/js/plugins/nameless") + " has no package name");
    }

    @Test
    void findsThePluginByItsPackageAndWithThePluginsDirFlag() {
        project.write("conform.toml", "[conform]\n[conform.runtimes.js]\n");
        run("new-entry", "genkitx-beta", "--runtime", "js", "--plugins-dir", "genkit/js/plugins")
                .expect(ExitCode.OK)
                .expectOut("wrote " + project.path("entries/js/beta.ts"));
    }

    @Test
    void needsTheRuntimesSharedHelpers() {
        project.delete("entries/js/_conformrt.ts");
        run("new-entry", "beta", "--runtime", "js")
                .expect(ExitCode.USAGE)
                .expectErr("the entries of runtime js need " + project.path("entries/js/_conformrt.ts"));
    }
}
