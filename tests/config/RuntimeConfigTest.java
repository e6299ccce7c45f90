package conform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conform.support.PlainRuntime;
import conform.support.TempProject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuntimeConfigTest {

    @RegisterExtension
    private final TempProject project = TempProject.create();

    private RuntimeConfig runtime(String entryFile, List<String> command) {
        Path entries = project.path("entries");
        return PlainRuntime.of("rt", entries, entries, project.path("specs"), entryFile, command, List.of());
    }

    @Test
    void entryPathSubstitutesThePlugin() {
        assertEquals(
                project.path("entries/anthropic/main.go"),
                runtime("{plugin}/main.go", List.of("x")).entryPath("anthropic"));
    }

    @Test
    void commandSubstitutesEntryAndPlugin() {
        RuntimeConfig rt = runtime("{plugin}.ts", List.of("node", "--import", "tsx", "{entry}", "--name={plugin}"));
        assertEquals(
                List.of(
                        "node",
                        "--import",
                        "tsx",
                        project.path("entries/echo.ts").toString(),
                        "--name=echo"),
                rt.publishedCommand("echo"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "file entries                  | {plugin}.ts           | node         | b.ts a.ts notes.md"
                        + " fixtures/x.ts | a b",
                "directory entries             | {plugin}/main.go      | bin/{plugin} |"
                        + " ollama/main.go anthropic/main.go fixtures/echo/main.go empty/readme.txt | anthropic ollama",
                "entries below a fixed folder  | src/{plugin}_entry.py | python       |"
                        + " src/x_entry.py src/y_entry.py src/z.py | x y",
                "no entries directory, no entries | {plugin}.ts        | node         |                               "
                        + "   |"
            })
    void findsThePluginsWithEntries(String layout, String entryFile, String command, String files, String plugins) {
        for (String file : words(files)) project.write("entries/" + file, "");
        assertEquals(words(plugins), runtime(entryFile, words(command)).pluginsWithEntries());
    }

    /** The space-separated words of a table cell; an empty cell has none. */
    private static List<String> words(String cell) {
        return cell == null ? List.of() : List.of(cell.split(" "));
    }
}
