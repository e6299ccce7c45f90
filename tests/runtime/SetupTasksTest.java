package conform.runtime;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import conform.config.RuntimeConfig;
import conform.config.SetupStep;
import conform.redact.Redactor;
import conform.support.CheckoutCopy;
import conform.support.PlainRuntime;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Setup steps with real commands: when they run, what they record, and what a failure says. */
class SetupTasksTest {

    private static final Redactor NO_SECRETS = Redactor.fromEnvironment(Map.of(), List.of());

    @RegisterExtension
    private final TempProject dir = TempProject.create();

    private RuntimeConfig runtime(SetupStep... steps) {
        return runtime(dir.root(), steps);
    }

    private static RuntimeConfig runtime(Path root, SetupStep... steps) {
        return PlainRuntime.of(
                "js",
                root,
                root.resolve("entries"),
                root.resolve("specs"),
                "{plugin}.ts",
                List.of("node", "out/{plugin}.mjs"),
                List.of(steps));
    }

    /** Stands in for the bundle step: copies the entry to its output. */
    private static final SetupStep BUNDLE = new SetupStep(
            List.of("sh", "-c", "mkdir -p out && cp \"$0\" \"out/$1.mjs\"", "{entry}", "{plugin}"),
            List.of("{entry}"),
            "out/{plugin}.mjs");

    /** Stands in for the venv step: makes the interpreter its output. */
    private static final SetupStep VENV =
            new SetupStep(List.of("sh", "-c", "mkdir -p venv && echo here > venv/python"), List.of(), "venv/python");

    private static void setUp(RuntimeConfig rt) throws SetupTasks.SetupFailure {
        SetupTasks.run(SetupTasks.pending(rt, List.of("echo")), rt.cwd().resolve("setup.log"), NO_SECRETS, task -> {});
    }

    @Test
    void aPerPluginBuildRunsWhenItsOutputIsMissingOrItsEntryChanged() throws Exception {
        dir.write("entries/echo.ts", "one");
        RuntimeConfig rt = runtime(BUNDLE);
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
    void aDirectoryInputIsItsFilesButNotItsVersionControlDependenciesOrBytecode() throws Exception {
        dir.write("lib/index.js", "one").write("lib/.git/HEAD", "a").write("lib/node_modules/x/index.js", "a");
        dir.write("lib/__pycache__/index.pyc", "a");
        RuntimeConfig rt = runtime(new SetupStep(List.of("sh", "-c", "date > built"), List.of("lib"), "built"));
        setUp(rt);
        dir.write("lib/.git/HEAD", "b").write("lib/node_modules/x/index.js", "b");
        dir.write("lib/__pycache__/index.pyc", "b");
        assertEquals(List.of(), SetupTasks.pending(rt, List.of("echo")), "a commit, an install or an import");
        dir.write("lib/index.js", "two");
        assertEquals(1, SetupTasks.pending(rt, List.of("echo")).size(), "an edit of the code");
    }

    @Test
    void aDepfileNarrowsADirectoryInputToTheFilesTheStepRead() throws Exception {
        dir.write("entries/echo.ts", "entry").write("lib/used.js", "one").write("lib/unused.js", "one");
        SetupStep bundle = new SetupStep(
                List.of(
                        "sh",
                        "-c",
                        "mkdir -p out && cat \"$0\" lib/used.js > out/echo.mjs && echo '{\"inputs\": {\"lib/used.js\":"
                                + " {}, \"entries/echo.ts\": {}}}' > out/meta.json",
                        "{entry}"),
                List.of("{entry}", "lib"),
                "out/{plugin}.mjs",
                Map.of(),
                "out/meta.json");
        RuntimeConfig rt = runtime(bundle);
        setUp(rt);
        dir.write("lib/unused.js", "two");
        assertEquals(List.of(), SetupTasks.pending(rt, List.of("echo")), "a file the bundle does not contain");
        dir.write("lib/used.js", "two");
        assertEquals(1, SetupTasks.pending(rt, List.of("echo")).size(), "a file the bundle contains");
        Files.delete(dir.path("out/meta.json"));
        setUp(rt);
        assertEquals("entrytwo", Files.readString(dir.path("out/echo.mjs")));
    }

    @Test
    void aStepRunsWithItsOwnVariablesAndRunsAgainWhenTheyChange() throws Exception {
        SetupStep printed = new SetupStep(
                List.of("sh", "-c", "echo \"$WHERE\" > where"), List.of(), "where", Map.of("WHERE", "here"), null);
        setUp(runtime(printed));
        assertEquals("here\n", Files.readString(dir.path("where")));
        SetupStep moved = new SetupStep(printed.run(), List.of(), "where", Map.of("WHERE", "there"), null);
        assertEquals(1, SetupTasks.pending(runtime(moved), List.of("echo")).size());
    }

    @Test
    void aProgramOfSeveralLinesIsLeftOutOfTheShownCommand() {
        RuntimeConfig rt =
                runtime(new SetupStep(List.of("python3", "-c", "import sys\nprint(1)", "venv"), List.of(), null));
        assertEquals(
                "python3 -c …", SetupTasks.pending(rt, List.of("echo")).get(0).shown());
    }

    @Test
    void aCopiedCheckoutIsUpToDateWhereTheOriginalWas() throws Exception {
        dir.write("entries/echo.ts", "one");
        setUp(runtime(BUNDLE));
        try (TempProject copy = TempProject.create()) {
            CheckoutCopy.cpA(dir.root(), copy.root());
            assertEquals(
                    List.of(),
                    SetupTasks.pending(runtime(copy.root(), BUNDLE), List.of("echo")),
                    "stamps and fingerprints name paths relative to the runtime's root, so the copy's are fresh");
        }
    }

    @Test
    void aStepAfterOneThatRunsRunsToo() throws Exception {
        SetupStep pip = new SetupStep(List.of("sh", "-c", "date >> installed"), List.of(), null);
        RuntimeConfig rt = runtime(VENV, pip);
        setUp(rt);
        assertEquals(List.of(), SetupTasks.pending(rt, List.of("echo")));
        Files.delete(dir.path("venv/python"));
        assertEquals(
                2,
                SetupTasks.pending(rt, List.of("echo")).size(),
                "a new venv needs its packages installed again, though the requirements did not change");
    }

    @Test
    void aStepNeverWritesThroughALinkThatLeadsOutOfItsRoot() throws Exception {
        RuntimeConfig rt = runtime(VENV);
        setUp(rt);
        try (TempProject other = TempProject.create().write("venv/python", "the other checkout's")) {
            deleteTree(dir.path("venv"));
            Files.createSymbolicLink(dir.path("venv"), other.path("venv"));
            assertEquals(
                    1, SetupTasks.pending(rt, List.of("echo")).size(), "a venv that is another checkout's is rebuilt");
            setUp(rt);
            assertFalse(Files.isSymbolicLink(dir.path("venv")), "the link is gone, the venv is this checkout's own");
            assertEquals("here\n", Files.readString(dir.path("venv/python")));
            assertEquals("the other checkout's", Files.readString(other.path("venv/python")), "the other is untouched");
        }
    }

    @Test
    void aLinkWithinItsRootIsLeftAlone() throws Exception {
        RuntimeConfig rt = runtime(VENV);
        setUp(rt);
        Files.move(dir.path("venv"), dir.path("real-venv"));
        Files.createSymbolicLink(dir.path("venv"), dir.path("real-venv"));
        assertEquals(List.of(), SetupTasks.pending(rt, List.of("echo")));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(file);
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

    @Test
    void theGenkitCliIsAProjectOfItsOwnThatNpmInstallsFromItsLockFile() {
        GenkitCli cli = new GenkitCli(dir.root());
        assertFalse(cli.hasProject());
        assertTrue(cli.problem().startsWith("no genkit-cli project at " + dir.root()), cli.problem());
        dir.write("package.json", "{}");
        List<SetupTasks.Task> pending = cli.pendingSetup();
        assertEquals(
                List.of("npm ci …"),
                pending.stream().map(SetupTasks.Task::shown).toList());
        assertEquals(dir.path("node_modules/.package-lock.json"), pending.get(0).creates());
        assertTrue(cli.problem().endsWith("genkit is not installed"), cli.problem());
    }

    @Test
    void theShippedGenkitCliIsPinnedByItsLockFile() throws IOException {
        Path project = RepoRoot.find().resolve("entries/genkit-cli");
        ObjectMapper json = new ObjectMapper();
        String pinned = json.readTree(project.resolve("package.json").toFile())
                .at("/dependencies/genkit-cli")
                .asText();
        assertTrue(pinned.matches("\\d+\\.\\d+\\.\\d+"), "an exact version, not a range: " + pinned);
        assertEquals(
                pinned,
                json.readTree(project.resolve("package-lock.json").toFile())
                        .at("/packages/node_modules~1genkit-cli/version")
                        .asText());
    }
}
