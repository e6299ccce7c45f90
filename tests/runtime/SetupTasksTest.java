package conform.runtime;

import static org.junit.jupiter.api.Assertions.*;

import conform.config.RuntimeConfig;
import conform.config.SetupStep;
import conform.redact.Redactor;
import conform.support.TempProject;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Setup steps with real commands: when they run, what they record, and what a failure says. */
class SetupTasksTest {

    private static final Redactor NO_SECRETS = Redactor.fromEnvironment(Map.of(), List.of());

    @RegisterExtension
    private final TempProject dir = TempProject.create();

    private RuntimeConfig runtime(SetupStep step) {
        return new RuntimeConfig(
                "js",
                dir.root(),
                dir.path("entries"),
                dir.path("specs"),
                "{plugin}.ts",
                List.of("node", "out/{plugin}.mjs"),
                List.of(),
                List.of(),
                List.of(step));
    }

    @Test
    void aPerPluginBuildRunsWhenItsOutputIsMissingOrItsEntryChanged() throws Exception {
        dir.write("entries/echo.ts", "one");
        // Stands in for the bundle step: copies the entry to its output.
        RuntimeConfig rt = runtime(new SetupStep(
                List.of("sh", "-c", "mkdir -p out && cp \"$0\" \"out/$1.mjs\"", "{entry}", "{plugin}"),
                List.of("{entry}"),
                "out/{plugin}.mjs"));
        List<SetupTasks.Task> first = SetupTasks.pending(rt, List.of("echo"));
        assertEquals(1, first.size());
        SetupTasks.run(first, dir.path("setup.log"), NO_SECRETS, task -> {});
        assertEquals("one", Files.readString(dir.path("out/echo.mjs")));
        assertEquals(List.of(), SetupTasks.pending(rt, List.of("echo")), "up to date after a run");

        dir.write("entries/echo.ts", "two");
        SetupTasks.run(SetupTasks.pending(rt, List.of("echo")), dir.path("setup.log"), NO_SECRETS, task -> {});
        assertEquals("two", Files.readString(dir.path("out/echo.mjs")), "an edited entry is built again");

        Files.delete(dir.path("out/echo.mjs"));
        assertEquals(1, SetupTasks.pending(rt, List.of("echo")).size(), "a missing output is built again");
        try (var stamps = Files.list(dir.path(".conform/setup"))) {
            assertEquals(1, stamps.count(), "one stamp for the one output, however often it was built");
        }
    }

    @Test
    void aFailedStepNamesItsShortCommandAndExitCodeAndTheLogKeepsItAll() {
        dir.write("entries/echo.ts", "");
        RuntimeConfig rt = runtime(new SetupStep(
                List.of("sh", "-c", "echo boom; exit 3", "{entry}", "--a-long-option=" + "x".repeat(80)),
                List.of(),
                "out/{plugin}.mjs"));
        SetupTasks.SetupFailure failure = assertThrows(
                SetupTasks.SetupFailure.class,
                () -> SetupTasks.run(
                        SetupTasks.pending(rt, List.of("echo")), dir.path("setup.log"), NO_SECRETS, task -> {}));
        assertEquals(
                "`sh -c echo boom; exit 3 entries/echo.ts …` exited with code 3",
                failure.getMessage(),
                "paths relative to the runtime's root, cut at the first long option");
        String log = String.join("\n", LogTail.last(failure.log(), 10));
        assertTrue(log.contains("boom") && log.contains("--a-long-option=" + "x".repeat(80)), log);
        assertFalse(Files.exists(dir.path(".conform/setup")), "a failed step records nothing");
    }
}
