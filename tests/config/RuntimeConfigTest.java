package conform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conform.support.TempProject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RuntimeConfigTest {

    @RegisterExtension
    private final TempProject project = TempProject.create();

    private RuntimeConfig runtime(String entryFile, List<String> command) {
        Path entries = project.path("entries");
        return new RuntimeConfig(
                "rt", entries, entries, project.path("specs"), entryFile, command, List.of(), List.of(), List.of());
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
                rt.commandFor("echo"));
    }

    @Test
    void findsFileEntries() {
        project.write("entries/b.ts", "")
                .write("entries/a.ts", "")
                .write("entries/notes.md", "")
                .write("entries/fixtures/x.ts", "");
        assertEquals(List.of("a", "b"), runtime("{plugin}.ts", List.of("node")).pluginsWithEntries());
    }

    @Test
    void findsDirectoryEntries() {
        project.write("entries/ollama/main.go", "")
                .write("entries/anthropic/main.go", "")
                .write("entries/fixtures/echo/main.go", "")
                .write("entries/empty/readme.txt", "");
        assertEquals(
                List.of("anthropic", "ollama"),
                runtime("{plugin}/main.go", List.of("bin/{plugin}")).pluginsWithEntries());
    }

    @Test
    void findsEntriesBelowAFixedFolder() {
        project.write("entries/src/x_entry.py", "")
                .write("entries/src/y_entry.py", "")
                .write("entries/src/z.py", "");
        assertEquals(
                List.of("x", "y"),
                runtime("src/{plugin}_entry.py", List.of("python")).pluginsWithEntries());
    }

    @Test
    void aMissingEntriesDirectoryHasNoEntries() {
        assertEquals(List.of(), runtime("{plugin}.ts", List.of("node")).pluginsWithEntries());
    }
}
