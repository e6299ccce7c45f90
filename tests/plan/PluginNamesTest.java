package conform.plan;

import static org.junit.jupiter.api.Assertions.*;

import conform.config.ConfigLoader;
import conform.config.ConformConfig;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.ExitCode;
import conform.support.TempProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A plugin named anywhere in conform.toml must have a spec: a typo is an error at its line, with the closest name. */
class PluginNamesTest {

    @RegisterExtension
    private final TempProject project = TempProject.standard().write("specs/ollama.yaml", "- model: ollama/m\n");

    private void check(String toml) {
        project.write("conform.toml", TempProject.MINIMAL_CONFIG + toml);
        ConformConfig config = ConfigLoader.load(project.path("conform.toml"));
        PluginNames.check(config, Inventory.scan(config).pluginsWithSpecs());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "[conform.env]\\nolama = [] | conform.env.olama | 8",
                "[conform.plugin-overrides.olama]\\nmax-retries = 1 | conform.plugin-overrides.olama | 7",
                "[conform.unavailable]\\nolama = \"no package\" | conform.unavailable.olama | 8",
                "[conform.emulate]\\nolama = \"ollama\" | conform.emulate.olama | 8",
                "[conform.not-emulated]\\nolama = \"why\" | conform.not-emulated.olama | 8",
                "[[conform.known-failures]]\\n"
                        + "plugin = \"olama\"\\n"
                        + "reason = \"bug\" | [[conform.known-failures]] #1 `plugin` | 7",
            })
    void aPluginWithoutSpecIsAnErrorAtItsLine(String toml, String key, int line) {
        ConformException e = assertThrows(ConformException.class, () -> check("\n" + toml.replace("\\n", "\n")));
        Diagnostic d = e.diagnostic();
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("`" + key + "` names the plugin `olama`, which has no spec (did you mean `ollama`?)", d.message());
        assertEquals(line, d.location().line(), d.toString());
        assertEquals("plugins with a spec: echo, ollama", d.note());
    }

    @Test
    void pluginsWithSpecsPass() {
        assertDoesNotThrow(() -> check("""

            [conform.env]
            ollama = []
            [conform.plugin-overrides.echo]
            max-retries = 1
            [[conform.known-failures]]
            plugin = "echo"
            reason = "bug"
            """));
    }
}
