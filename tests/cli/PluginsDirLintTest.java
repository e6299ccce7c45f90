package conform.cli;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ExitCode;
import conform.support.CliRun;
import conform.support.PluginsDirFixture;
import conform.support.TempProject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * check-plugin over a plugins directory per runtime: every model plugin found there is listed, and each one without a
 * spec, or without an entry in that runtime, fails the lint; the rule's corrections and the flag work as documented.
 */
class PluginsDirLintTest {

    @RegisterExtension
    private final TempProject project = PluginsDirFixture.create();

    private CliRun run(String... args) {
        return CliRun.run(project.root(), Map.of(), args);
    }

    @Test
    void reportsEachGapInEveryRuntime() {
        CliRun r = run("check-plugin").expect(ExitCode.FAILED);
        for (String[] rt : new String[][] {
            {"js", "genkitx-beta", "genkitx-gamma", "entries/js/beta.ts"},
            {"python", "genkit-plugin-beta", "genkit-gamma", "entries/python/beta.py"},
            {
                "go",
                "example.com/genkit/go/plugins/beta",
                "example.com/genkit/go/plugins/gamma",
                "entries/go/beta/main.go"
            }
        }) {
            String runtime = rt[0];
            r.expectOut(
                    "Model plugins in " + runtime + "'s plugins directory",
                    "(3 of ",
                    "beta (" + runtime + "): " + rt[1] + " in ",
                    " has no entry (expected " + project.path(rt[3]) + "); `conform new-entry beta --runtime " + runtime
                            + "` writes one",
                    "gamma (" + runtime + "): " + rt[2] + " in ",
                    " defines models and has no spec (expected " + project.path("specs/gamma.yaml")
                            + ") and no entry (expected ");
            assertFalse(r.out().contains("alpha (" + runtime + "):"), "alpha has a spec and an entry:\n" + r);
        }
        r.expectOut("Not model plugins (1): tools", "Not model plugins (2): genkit, tools", "new-entry` writes one");
        assertFalse(r.out().contains("internal"), "Go's internal folder is no plugin:\n" + r);
    }

    @Test
    void saysWhyEachPackageCountsWithVerbose() {
        run("check-plugin", "-v")
                .expectOut(
                        "alpha: src/index.ts:2: import { model } from 'genkit/plugin'",
                        "beta: src/index.ts:4: .defineModel(",
                        "gamma: src/gamma.ts:1: import { backgroundModel as pluginBackgroundModel } from"
                                + " 'genkit/plugin'",
                        "tools: not a model plugin, its sources define no model with Genkit's API",
                        "alpha: src/genkit_alpha/plugin.py:5: model_action_metadata(",
                        "beta: src/genkit/plugins/beta/plugin.py:6: kind=ActionKind.MODEL",
                        "gamma: src/genkit_gamma/__init__.py:5: .define_model(",
                        "genkit: not a model plugin, Genkit itself",
                        "alpha: alpha.go:6: genkit.DefineModel(",
                        "beta: beta.go:10: ai.NewModelAction(",
                        "gamma: gamma.go:7: func (g *Gamma) DefineModel(");
    }

    @Test
    void theListsCorrectTheRule() {
        project.write(
                "conform.toml",
                PluginsDirFixture.CONFIG.replace(
                        "plugins-dir = \"genkit/js/plugins\"",
                        "plugins-dir = \"genkit/js/plugins\"\nadditional-model-plugins = [\"tools\"]\n"
                                + "ignore-plugins = [\"genkitx-gamma\", \"beta\"]"));
        CliRun r = run("check-plugin", "--runtime", "js").expect(ExitCode.FAILED);
        r.expectOut(
                "tools (js): @acme/genkit-tools in ",
                "defines models and has no spec",
                "Ignored (2): beta, gamma",
                "(2 of 4 package(s))");
        assertFalse(r.out().contains("beta (js): genkitx-beta"), r.toString());
        assertFalse(r.out().contains("Not model plugins"), r.toString());
    }

    @Test
    void passesWhenEveryModelPluginHasASpecAndAnEntry() {
        project.write("specs/gamma.yaml", "- model: gamma/one\n")
                .write("entries/js/beta.ts", "import { beta } from 'genkitx-beta';\n")
                .write("entries/js/gamma.ts", "import { gamma } from 'genkitx-gamma';\n");
        run("check-plugin", "--runtime", "js")
                .expect(ExitCode.OK)
                .expectOut("✓ all 3 plugin(s) have a spec and an entry in every runtime that covers them, and so does"
                        + " every model plugin in the plugins directories");
    }

    @Test
    void anEntryThatImportsAnotherPackageDoesNotTestThePluginsDirectorysOne() {
        project.write("entries/python/beta.py", "from genkit_beta import Beta\n");
        run("check-plugin", "--runtime", "python")
                .expect(ExitCode.FAILED)
                .expectOut(
                        "beta (python): its entry " + project.path("entries/python/beta.py")
                                + " imports none of genkit.plugins.beta, so it does not test "
                                + project.path("genkit/py/plugins/beta"),
                        "tests another package");
    }

    @Test
    void withoutAPluginsDirectoryCheckPluginIsAsBefore() {
        project.write("conform.toml", "[conform]\n[conform.runtimes.js]\n");
        CliRun r = run("check-plugin").expect(ExitCode.FAILED);
        assertFalse(r.out().contains("plugins directory"), r.toString());
        r.expectOut("beta: spec ", "1 problem(s)");
    }

    @Test
    void thePluginsDirFlagTakesTheirPlaceForEveryRuntimeOrOne() {
        project.write("conform.toml", "[conform]\n[conform.runtimes.js]\n[conform.runtimes.go]\n");
        run("check-plugin", "--runtime", "js", "--plugins-dir", "genkit/js/plugins")
                .expect(ExitCode.FAILED)
                .expectOut("beta (js): genkitx-beta");
        CliRun both = run(
                        "check-plugin",
                        "--plugins-dir",
                        "js:genkit/js/plugins",
                        "--plugins-dir",
                        "go:genkit/go/plugins")
                .expect(ExitCode.FAILED);
        both.expectOut("beta (js): genkitx-beta", "beta (go): example.com/genkit/go/plugins/beta");

        run("check-plugin", "--plugins-dir", "genkit/js/plugins")
                .expect(ExitCode.USAGE)
                .expectErr(
                        project.path("genkit/js/plugins") + " holds no Go packages (folders with .go files) for runtime"
                                + " `go`",
                        "as go:DIR");
        run("check-plugin", "--plugins-dir", "jss:genkit/js/plugins")
                .expect(ExitCode.USAGE)
                .expectErr("names the runtime `jss`, which is not configured (did you mean `js`?)");
        run("check-plugin", "--runtime", "js", "--plugins-dir", "go:genkit/go/plugins")
                .expect(ExitCode.USAGE)
                .expectErr("which is not selected", "add it to --runtime");
        run("check-plugin", "--plugins-dir", "genkit/nowhere")
                .expect(ExitCode.USAGE)
                .expectErr("--plugins-dir " + project.path("genkit/nowhere") + " does not exist");
    }

    @Test
    void aNameInTheListsThatIsNoPackageIsAnErrorAtItsLine() {
        project.write(
                "conform.toml",
                PluginsDirFixture.CONFIG.replace(
                        "plugins-dir = \"genkit/go/plugins\"",
                        "plugins-dir = \"genkit/go/plugins\"\nadditional-model-plugins = [\"tools\", \"toolz\"]"));
        run("check-plugin", "--runtime", "go")
                .expect(ExitCode.USAGE)
                .expectErr(
                        "`conform.runtimes.go.additional-model-plugins` names `toolz`, which is no package in",
                        "conform.toml:11:38",
                        "its packages: alpha, beta, gamma, tools");
    }
}
