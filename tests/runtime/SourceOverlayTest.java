package conform.runtime;

import static org.junit.jupiter.api.Assertions.*;

import conform.config.ConfigLoader;
import conform.config.ConformConfig;
import conform.config.LocalSource;
import conform.config.RuntimeConfig;
import conform.config.SetupStep;
import conform.diag.ConformException;
import conform.support.TempProject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What each runtime makes of a local source: the checks that say why one cannot be used, and the overlay's steps. */
class SourceOverlayTest {

    @RegisterExtension
    private final TempProject project = TempProject.create();

    private RuntimeConfig runtime(String name, String... sources) {
        project.write("conform.toml", "[conform]\n[conform.runtimes." + name + "]\n");
        project.write("entries/" + name + "/.keep", "");
        ConformConfig config = ConfigLoader.load(project.path("conform.toml"));
        return config.withSources(LocalSource.fromArguments(List.of(sources), project.root()), false)
                .runtimes()
                .get(name);
    }

    /** The message and the hint of the error that {@code source} is. */
    private String problem(String runtime, String source) {
        RuntimeConfig rt = runtime(runtime, source);
        ConformException e = assertThrows(ConformException.class, () -> SourceOverlay.check(rt));
        return e.getMessage() + "\nhint: " + e.diagnostic().hint();
    }

    @Test
    void aJsPackageMustBeTheOneNamedAndBuilt() {
        project.write("anthropic/package.json", """
            {"name": "@genkit-ai/anthropic", "exports": {".": {"import": "./lib/index.mjs"}},
             "scripts": {"build": "tsup"}}
            """);
        String notBuilt = problem("js", "js:@genkit-ai/anthropic=anthropic");
        assertTrue(notBuilt.contains("is not built: its package.json points at ./lib/index.mjs"), notBuilt);
        assertTrue(notBuilt.contains("npm run build"), notBuilt);

        project.write("anthropic/lib/index.mjs", "export {}");
        SourceOverlay.check(runtime("js", "js:@genkit-ai/anthropic=anthropic"));
        String other = problem("js", "js:@genkit-ai/compat-oai=anthropic");
        assertTrue(other.contains("is the package `@genkit-ai/anthropic`, not `@genkit-ai/compat-oai`"), other);
        assertTrue(problem("js", "js:x=.").contains("has no package.json"));

        project.write("openai/package.json", """
            {"name": "@genkit-ai/openai", "exports": {"./gpt": {"require": "./gpt.js", "import": "./gpt.mjs"}}}
            """);
        String subpathOnly = problem("js", "js:@genkit-ai/openai=openai");
        assertTrue(subpathOnly.contains("points at ./gpt.mjs"), "a package that exports only subpaths: " + subpathOnly);
    }

    @Test
    void aPythonProjectMustBeTheOneNamedAsPyPIComparesNames() {
        project.write("anthropic/pyproject.toml", "[project]\nname = \"Genkit_Anthropic\"\n");
        SourceOverlay.check(runtime("python", "python:genkit-anthropic=anthropic"));
        String other = problem("python", "python:genkit-openai=anthropic");
        assertTrue(other.contains("is the project `Genkit_Anthropic`, not `genkit-openai`"), other);
        assertTrue(problem("python", "python:x=.").contains("has neither pyproject.toml nor setup.py"));
    }

    @Test
    void aGoModuleMustBeTheOneNamed() {
        project.write("genkit/go.mod", "module github.com/firebase/genkit/go\n\ngo 1.24\n");
        SourceOverlay.check(runtime("go", "go:github.com/firebase/genkit/go=genkit"));
        String other = problem("go", "go:github.com/firebase/genkit=genkit");
        assertTrue(other.contains("is the module `github.com/firebase/genkit/go`, not"), other);
        assertTrue(problem("go", "go:m=.").contains("has no go.mod"));
    }

    @Test
    void onlyConformsOwnRuntimeProjectsTakeLocalSources() {
        project.write("genkit/go.mod", "module m\n");
        project.write("conform.toml", """
            [conform]
            [conform.runtimes.go]
            entry-command = ["go", "run", "./{plugin}"]
            [conform.runtimes.dart]
            entry-file = "{plugin}.dart"
            entry-command = ["dart", "{entry}"]
            """);
        project.write("entries/go/.keep", "").write("entries/dart/.keep", "");
        ConformConfig config = ConfigLoader.load(project.path("conform.toml"))
                .withSources(LocalSource.fromArguments(List.of("go:m=genkit", "dart:m=genkit"), project.root()), false);
        String go = assertThrows(
                        ConformException.class,
                        () -> SourceOverlay.check(config.runtimes().get("go")))
                .getMessage();
        assertTrue(go.contains("sets its own `setup` or `entry-command`"), go);
        String dart = assertThrows(
                        ConformException.class,
                        () -> SourceOverlay.check(config.runtimes().get("dart")))
                .getMessage();
        assertTrue(dart.contains("cannot use local sources: conform builds them for js, python and go"), dart);
    }

    @Test
    void theOverlayIsTheSameForTheSameSourcesAndAnotherForOthers() {
        project.write("a/go.mod", "module a\n").write("b/go.mod", "module b\n");
        String ab = SourceOverlay.directory(runtime("go", "go:a=a", "go:b=b").sources());
        assertEquals(
                ab, SourceOverlay.directory(runtime("go", "go:b=b", "go:a=a").sources()));
        assertNotEquals(
                ab, SourceOverlay.directory(runtime("go", "go:a=b", "go:b=a").sources()));
        assertTrue(ab.startsWith(".conform/sources/"), ab);
    }

    @Test
    void jsBundlesEachEntryIntoTheOverlayWithTheLocalPackageAliasedAndNpmCiAsItIs() {
        project.write("compat/package.json", "{\"name\": \"@genkit-ai/compat-oai\", \"main\": \"index.js\"}");
        project.write("compat/index.js", "");
        RuntimeConfig rt = runtime("js", "js:@genkit-ai/compat-oai=compat");
        String overlay = SourceOverlay.directory(rt.sources());
        List<SetupStep> steps = SourceOverlay.steps(rt);
        assertEquals(rt.setup().get(0), steps.get(0), "npm ci, with the same stamp as the published run's");
        SetupStep bundle = steps.get(steps.size() - 1);
        assertTrue(bundle.run().contains("--alias:@genkit-ai/compat-oai=@conform-local/genkit-ai__compat-oai"));
        assertEquals(overlay + "/build/{plugin}.mjs", bundle.creates());
        assertTrue(
                bundle.inputs().contains(project.path("compat").toString()),
                bundle.inputs().toString());
        assertEquals(overlay + "/build/{plugin}.meta.json", bundle.depfile());
        assertEquals(
                List.of("node", overlay + "/build/anthropic.mjs"),
                SourceOverlay.command(rt, "anthropic"),
                "entries start from the overlay's bundles");
        assertEquals(List.of("node", ".conform/build/anthropic.mjs"), rt.publishedCommand("anthropic"));
    }

    @Test
    void pythonInstallsTheSourceIntoAVenvOfTheOverlaysOwnAfterThePinnedOne() {
        project.write("anthropic/pyproject.toml", "[project]\nname = \"genkit-anthropic\"\n");
        RuntimeConfig rt = runtime("python", "python:genkit-anthropic=anthropic");
        String overlay = SourceOverlay.directory(rt.sources());
        List<SetupStep> steps = SourceOverlay.steps(rt);
        assertEquals(rt.setup(), steps.subList(0, rt.setup().size()), "the pinned venv, set up as ever");
        SetupStep install = steps.get(steps.size() - 1);
        assertEquals(overlay + "/venv/bin/python", install.run().get(0), "never the pinned venv's python");
        assertTrue(install.run().contains("--editable"), install.run().toString());
        assertEquals(
                List.of(
                        overlay + "/venv/bin/python",
                        project.path("entries/python/anthropic.py").toString()),
                SourceOverlay.command(rt, "anthropic"));
    }

    @Test
    void goBuildsWithACopyOfGoModThatReplacesTheModuleAndNeverWritesTheCommittedOne() {
        project.write("genkit/go.mod", "module github.com/firebase/genkit/go\n");
        RuntimeConfig rt = runtime("go", "go:github.com/firebase/genkit/go=genkit");
        String overlay = SourceOverlay.directory(rt.sources());
        List<SetupStep> steps = SourceOverlay.steps(rt);
        for (SetupStep step : steps) {
            assertNotEquals("go.mod", step.creates());
            assertFalse(step.run().contains("go.mod") && !step.run().get(0).equals("cp"), "only copied: " + step.run());
        }
        assertTrue(steps.get(1).run().contains("-replace=github.com/firebase/genkit/go=" + project.path("genkit")));
        SetupStep build = steps.get(steps.size() - 1);
        assertTrue(
                build.run().contains("-modfile=" + overlay + "/go.mod"),
                build.run().toString());
        assertEquals(overlay + "/bin/{plugin}", build.creates());
        assertEquals(List.of(overlay + "/bin/anthropic"), SourceOverlay.command(rt, "anthropic"));
    }
}
