package conform.config;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ConformException;
import conform.support.TempProject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Local sources as conform.toml and --source give them: where their paths lead, and which of them wins. */
class LocalSourceConfigTest {

    @RegisterExtension
    private final TempProject project = TempProject.create();

    private ConformConfig load(String toml) {
        project.write("conform.toml", toml);
        return ConfigLoader.load(project.path("conform.toml"));
    }

    @Test
    void aRuntimesSourcesArePackagesAndDirectoriesRelativeToTheFile() {
        project.write("work/anthropic/package.json", "{}").write("work/genkit-go/go.mod", "");
        ConformConfig config = load("""
            [conform]
            [conform.runtimes.js.sources]
            "@genkit-ai/anthropic" = "work/anthropic"
            [conform.runtimes.go]
            sources = {"github.com/firebase/genkit/go" = "work/genkit-go"}
            """);
        LocalSource js = config.runtimes().get("js").sources().get(0);
        assertEquals("@genkit-ai/anthropic", js.pkg());
        assertEquals(project.path("work/anthropic"), js.dir());
        assertEquals(3, js.location().line(), "where it is written, for the messages about it");
        LocalSource go = config.runtimes().get("go").sources().get(0);
        assertEquals("github.com/firebase/genkit/go", go.pkg());
        assertEquals(project.path("work/genkit-go"), go.dir());
    }

    @Test
    void aSourceThatIsNotThereIsAnErrorAtItsLine() {
        ConformException e = assertThrows(ConformException.class, () -> load("""
            [conform]
            [conform.runtimes.python.sources]
            genkit-anthropic = "../genkit/py/plugins/anthropic"
            """));
        assertEquals(3, e.diagnostic().location().line(), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void sourcesMustBeATable() {
        ConformException e = assertThrows(ConformException.class, () -> load("""
            [conform]
            [conform.runtimes.js]
            sources = ["../anthropic"]
            """));
        assertTrue(e.getMessage().contains("`conform.runtimes.js.sources` must be a table"), e.getMessage());
    }

    @Test
    void theCommandLinesSourcesAreRelativeToTheWorkingDirectoryAndReplaceTheFilesForTheSamePackage() {
        project.write("a/package.json", "{}").write("b/package.json", "{}").write("c/package.json", "{}");
        ConformConfig config = load("""
            [conform]
            [conform.runtimes.js.sources]
            "@genkit-ai/anthropic" = "a"
            "@genkit-ai/compat-oai" = "b"
            """);
        List<LocalSource> given = LocalSource.fromArguments(List.of("js:@genkit-ai/anthropic=../c"), project.path("a"));
        assertEquals(
                List.of(project.path("c"), project.path("b")),
                config.withSources(given, false).runtimes().get("js").sources().stream()
                        .map(LocalSource::dir)
                        .toList(),
                "--source wins for its package; the file's others stay");
        assertEquals(
                List.of(project.path("c")),
                config.withSources(given, true).runtimes().get("js").sources().stream()
                        .map(LocalSource::dir)
                        .toList(),
                "--no-sources drops the file's");
    }

    @Test
    void aSourceArgumentMustSayRuntimePackageAndPath() {
        ConformException e = assertThrows(
                ConformException.class,
                () -> LocalSource.fromArguments(List.of("@genkit-ai/anthropic=../a"), project.root()));
        assertEquals("E0017", e.diagnostic().code());
        assertTrue(
                e.diagnostic().hint().contains("--source js:@genkit-ai/anthropic="),
                e.diagnostic().hint());
    }

    @Test
    void thePackageOfARuntimeGivenTwiceIsAnError() {
        ConformException e = assertThrows(
                ConformException.class, () -> LocalSource.fromArguments(List.of("go:m=a", "go:m=b"), project.root()));
        assertTrue(e.getMessage().contains("`go:m` is given twice"), e.getMessage());
    }

    @Test
    void aSourceForARuntimeThatIsNotConfiguredIsAnErrorWithASuggestion() {
        ConformConfig config = load("[conform]\n[conform.runtimes.python]\n");
        ConformException e = assertThrows(
                ConformException.class,
                () -> config.withSources(
                        LocalSource.fromArguments(List.of("pyton:genkit-anthropic=x"), project.root()), false));
        assertTrue(e.getMessage().contains("`--source pyton:genkit-anthropic=x`"), e.getMessage());
        assertTrue(e.getMessage().contains("python"), e.getMessage());
    }
}
