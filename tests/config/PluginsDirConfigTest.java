package conform.config;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ConformException;
import conform.support.TempProject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A runtime's plugins directory and the two lists that correct check-plugin's rule, as conform.toml gives them. */
class PluginsDirConfigTest {

    @RegisterExtension
    private final TempProject project = TempProject.create();

    private ConformConfig load(String toml) {
        project.write("conform.toml", toml);
        return ConfigLoader.load(project.path("conform.toml"));
    }

    private ConformException loadFails(String toml) {
        return assertThrows(ConformException.class, () -> load(toml));
    }

    @Test
    void aRuntimesPluginsDirIsRelativeToTheFileAndTheListsKeepTheirLines() {
        project.write("genkit/go/plugins/ollama/ollama.go", "package ollama\n");
        PluginsDir go = load("""
            [conform]
            [conform.runtimes.js]
            [conform.runtimes.go]
            plugins-dir = "genkit/go/plugins"
            additional-model-plugins = ["mymodels"]
            ignore-plugins = ["internal-tools", "middleware"]
            """).runtimes().get("go").pluginsDir();
        assertEquals(project.path("genkit/go/plugins"), go.dir());
        assertEquals(
                List.of("mymodels"),
                go.additional().stream().map(PluginMention::plugin).toList());
        assertEquals("conform.runtimes.go.ignore-plugins", go.ignore().get(1).key());
        assertEquals(6, go.ignore().get(1).location().line(), "each name where it is written");
        assertEquals(
                PluginsDir.NONE,
                load("[conform]\n[conform.runtimes.js]\n").runtimes().get("js").pluginsDir());
    }

    @Test
    void aPluginsDirThatIsNotThereIsAnErrorAtItsLine() {
        ConformException e = loadFails("[conform]\n[conform.runtimes.js]\nplugins-dir = \"genkit/js/plugin\"\n");
        assertEquals(3, e.diagnostic().location().line(), e.getMessage());
        assertTrue(
                e.getMessage().contains(project.path("genkit/js/plugin") + ", which does not exist"), e.getMessage());
    }

    @Test
    void aPackageInBothListsIsAnError() {
        ConformException e = loadFails("""
            [conform]
            [conform.runtimes.js]
            additional-model-plugins = ["tools"]
            ignore-plugins = ["other", "tools"]
            """);
        assertTrue(e.getMessage().contains("`tools` is in both"), e.getMessage());
        assertEquals(4, e.diagnostic().location().line());
        assertEquals(28, e.diagnostic().location().column(), "at the name");
    }

    @Test
    void theSeedsKeysAtTheTopSayWhereTheyBelong() {
        ConformException e = loadFails("[conform]\nadditional-model-plugins = [\"ollama\"]\n[conform.runtimes.js]\n");
        assertTrue(e.getMessage().contains("`conform.additional-model-plugins` belongs to a runtime"), e.getMessage());
        assertEquals(2, e.diagnostic().location().line());
        assertTrue(
                e.diagnostic().hint().contains("move it under [conform.runtimes.<name>]"),
                e.diagnostic().hint());
    }

    @Test
    void aListHoldsNames() {
        ConformException e = loadFails("[conform]\n[conform.runtimes.js]\nignore-plugins = \"tools\"\n");
        assertTrue(
                e.getMessage().contains("`conform.runtimes.js.ignore-plugins` must be a list of strings"),
                e.getMessage());
    }
}
