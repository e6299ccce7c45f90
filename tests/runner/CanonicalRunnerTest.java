package conform.runner;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import conform.diag.ExitCode;
import conform.support.ConformJvm;
import conform.support.Fixtures;
import conform.support.RealRuntimes;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** --runner cli against the fixture runtimes: the real genkit dev:test-model, its verdicts in conform's reports. */
@ExtendWith(RealRuntimes.class)
class CanonicalRunnerTest {

    @RegisterExtension
    private final TempProject work = TempProject.create();

    private static long privateRoots() throws IOException {
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return tmp.filter(p -> p.getFileName().toString().startsWith("conform-root-"))
                    .count();
        }
    }

    @Test
    void theClisVerdictsReachEveryReportInEveryRuntime() throws Exception {
        long roots = privateRoots();
        Fixtures.Outcome o = Fixtures.checkModel("passing", "js,python,go", work.path("r"), "--runner", "cli");
        o.cli().expect(ExitCode.OK).expectErr("genkit dev:test-model", "27 passed");
        JsonNode results = o.results();
        for (JsonNode run : results.get("runs")) {
            assertEquals("cli", run.get("runner").asText(), run.toString());
            assertEquals("v1", run.get("transport").asText(), "the CLI is a reflection v1 manager");
            assertTrue(run.get("startup_ms").asLong() > 0, run.toString());
            String base = "echo-" + run.get("runtime").asText();
            for (String log : List.of(".cli.log", ".cli-runtime.log", ".cli-spec.json"))
                assertTrue(Files.isRegularFile(work.path("r/logs/" + base + log)), base + log);
        }
        assertEquals("passed", o.result("Streams word by word").get("status").asText());
        assertTrue(Files.readString(work.path("r/junit.xml")).contains("Streams word by word"));
        assertTrue(Files.readString(work.path("r/report.html")).contains("Streams word by word"));
        assertEquals(roots, privateRoots(), "every run's private project root is removed");
    }

    @Test
    void aRuntimeToldToSpeakV2IsStillStartedForV1UnderTheCli() throws Exception {
        // A runtime told to dial a v2 server would never write the runtime file the CLI waits for.
        Fixtures.Outcome o =
                Fixtures.checkModel("passing", "js", work.path("r"), "--runner", "cli", "--transport", "v2");
        o.cli().expect(ExitCode.OK).expectErr("speaks reflection v1 with the runtimes it starts", "9 passed");
        assertEquals("v1", o.run().get("transport").asText(), o.run().toString());
    }

    @Test
    void failuresKeepConformsStatusesAndKnownFailuresFiltersAndRerunsWorkTheSame() throws Exception {
        work.write("specs/echo.yaml", """
            - model: conformtest/echo
              supports: [multiturn, system-role]
              tests:
                - {name: Wrong word, input: {messages: [{role: user, content: [{text: apples}]}]}, validators: ["text-includes:banana"]}
                - {name: Not JSON, input: {messages: [{role: user, content: [{text: plain words}]}]}, validators: [valid-json]}
                - {name: Throws, input: {messages: [{role: user, content: [{text: "#fail:provider exploded"}]}]}, validators: [text-not-empty]}
            """);
        Path config = Fixtures.config(work, """
            [[conform.known-failures]]
            plugin = "echo"
            test = "Not JSON"
            error = "valid-json: Response text is not valid JSON.*"
            reason = "bug 1"
            """, "js");
        Fixtures.Outcome o = Fixtures.checkModel(
                work.root(),
                config,
                work.path("r"),
                "--specs-dir",
                work.path("specs").toString(),
                "--runner",
                "cli",
                "--test",
                "Multiturn*",
                "--test",
                "Wrong*",
                "--test",
                "Not*",
                "--test",
                "Throws");
        o.cli().expect(ExitCode.FAILED);
        assertEquals(
                java.util.Map.of(
                        "Multiturn Conformance",
                        "passed",
                        "Wrong word",
                        "failed",
                        "Not JSON",
                        "xfail",
                        "Throws",
                        "error"),
                o.statuses(),
                "System Role Conformance is filtered out");
        assertEquals(
                "text-includes:banana: Response text does not include 'banana'. Text: Echo: apples",
                o.result("Wrong word").get("error").asText());
        assertEquals("provider exploded", o.result("Throws").get("error").asText());
        assertFalse(Files.readString(work.path("r/logs/echo-js.cli-spec.json")).contains("system-role"));

        Fixtures.Outcome rerun = Fixtures.checkModel(
                work.root(),
                config,
                work.path("rerun"),
                "--specs-dir",
                work.path("specs").toString(),
                "--runner",
                "cli",
                "--rerun-failed",
                work.path("r/results.json").toString());
        rerun.cli().expect(ExitCode.FAILED);
        assertEquals(java.util.Map.of("Wrong word", "failed", "Throws", "error"), rerun.statuses());
    }

    @Test
    void anErrorWhoseMessageTheCliDidNotPrintIsReadFromItsTrace() throws Exception {
        // The CLI prints only {"stack":"","traceId":null} for a Python runtime's error. (Go's names its trace, but a Go
        // runtime reports its span after it answers, and the CLI often exits before it has written the trace.)
        work.write("specs/echo.yaml", """
            - model: conformtest/echo
              supports: []
              tests:
                - {name: Throws, input: {messages: [{role: user, content: [{text: "#fail:provider exploded"}]}]}, validators: [text-not-empty]}
            """);
        Fixtures.Outcome o = Fixtures.checkModel(
                work.root(),
                Fixtures.config(work, "", "python"),
                work.path("r"),
                "--specs-dir",
                work.path("specs").toString(),
                "--runner",
                "cli");
        o.cli().expect(ExitCode.FAILED);
        assertEquals("error", o.result("Throws").get("status").asText(), o.toString());
        assertEquals("provider exploded", o.result("Throws").get("error").asText(), o.toString());
    }

    private static final String TSX = "[\"node\", \"--import\", \"tsx\", \"{entry}\"]";

    /** A config whose js runtime runs entries written by the test (ES modules) next to the fixture's packages. */
    private Path jsConfig(String entryCommand, String extra) {
        Path js = RepoRoot.find().resolve("entries/js");
        work.write(
                "conform.toml", """
                    [conform]
                    max-retries = 0
                    specs-dir = "specs"
                    genkit-cli = "%s"
                    %s
                    [conform.runtimes.js]
                    cwd = "%s"
                    entries-dir = "entries"
                    entry-file = "{plugin}.mjs"
                    entry-command = %s
                    """.formatted(RepoRoot.find().resolve("entries/genkit-cli"), extra, js, entryCommand));
        return work.path("conform.toml");
    }

    @Test
    void twoPluginsOfOneRuntimeRunAtOnceEachOnTheRuntimeItStarted() throws Exception {
        Path js = RepoRoot.find().resolve("entries/js");
        // alpha is the echo fixture, slow to start; beta starts at once and answers everything with "beta answers",
        // after
        // 5 s. The CLI tests on the newest runtime it has seen in its project root: in a shared one, alpha's CLI would
        // find beta's runtime up, listing conformtest/echo, long before alpha's own, and test that one.
        work.write("entries/alpha.mjs", "setTimeout(() => import('" + js.resolve("fixtures/echo.ts") + "'), 2500);\n")
                .write("entries/beta.mjs", """
                    import { createRequire } from 'node:module';
                    const { genkit } = createRequire('%s')('genkit');
                    const ai = genkit({ name: 'beta' });
                    ai.defineModel({ name: 'conformtest/echo' }, async () => {
                      await new Promise((resolve) => setTimeout(resolve, 5000));
                      return { message: { role: 'model', content: [{ text: 'beta answers' }] } };
                    });
                    """.formatted(js.resolve("package.json")))
                .write("specs/alpha.yaml", "- model: conformtest/echo\n  supports: [multiturn, system-role]\n")
                .write("specs/beta.yaml", """
                    - model: conformtest/echo
                      tests:
                        - {name: Beta answers, input: {messages: [{role: user, content: [{text: hi}]}]}, validators: ["text-includes:beta answers"]}
                    """);
        Fixtures.Outcome o =
                Fixtures.checkModel(work.root(), jsConfig(TSX, ""), work.path("r"), "--runner", "cli", "-j", "2");
        o.cli().expect(ExitCode.OK);
        JsonNode runs = o.results().get("runs");
        assertEquals(2, runs.size());
        long alpha = runs.get(0).get("elapsed_ms").asLong();
        long beta = runs.get(1).get("elapsed_ms").asLong();
        assertTrue(o.results().get("wall_ms").asLong() < alpha + beta, "the two runs overlapped:\n" + o.results());
    }

    @Test
    void aSuiteThatHangsTimesOutAtItsActionTimeoutAndLeavesNoProcess() {
        long start = System.nanoTime();
        Fixtures.Outcome o =
                Fixtures.checkModel("timeout", "js", work.path("r"), "--runner", "cli", "--action-timeout", "2");
        o.cli().expect(ExitCode.FAILED);
        assertTrue((System.nanoTime() - start) / 1e9 < 40, "bounded by the action timeout");
        assertEquals("timeout", o.result("Sleeps").get("status").asText());
        assertTrue(
                o.result("Sleeps").get("error").asText().startsWith("no verdict from genkit dev:test-model within 3s"),
                o.result("Sleeps").toString());
        assertEquals("passed", o.result("Multiturn Conformance").get("status").asText());
    }

    @Test
    void aCliThatNeverStartsItsTestsIsAnErrorRunBoundedByTheStartupTimeout() throws Exception {
        Path config = jsConfig("[\"sh\", \"-c\", \"echo getting ready; exec sleep 600\"]", "startup-timeout = 6");
        work.write("entries/slow.mjs", "")
                .write("specs/slow.yaml", "- model: conformtest/echo\n  supports: [multiturn]\n");
        long start = System.nanoTime();
        Fixtures.Outcome o = Fixtures.checkModel(work.root(), config, work.path("r"), "--runner", "cli");
        o.cli().expect(ExitCode.FAILED);
        assertTrue((System.nanoTime() - start) / 1e9 < 20, "bounded by the startup timeout");
        assertEquals("error", o.run().get("status").asText());
        assertTrue(
                o.run().get("reason").asText().startsWith("no test started within the startup timeout (6s)"),
                o.toString());
        assertTrue(
                o.run().get("log_tail").toString().contains("getting ready"),
                "the runtime's log is in the tail:\n" + o);
    }

    @Test
    void aCliThatCannotBeInstalledIsAnErrorRunNeverAPass() throws Exception {
        Fixtures.Outcome o = Fixtures.passingWithUninstallableCli(work, "cli");
        o.cli().expect(ExitCode.FAILED).expectErr("setting up genkit-cli failed");
        assertEquals("error", o.run().get("status").asText());
        assertTrue(
                o.run().get("reason").asText().startsWith("setup failed: `npm ci …` exited with code"), o.toString());
        assertEquals(0, o.results().at("/totals/passed").asInt());
    }

    @Test
    void aRuntimeThatDiesFailsTheTestsItTookWithIt() {
        Fixtures.Outcome o = Fixtures.checkModel("crash", "js", work.path("r"), "--runner", "cli");
        o.cli().expect(ExitCode.FAILED);
        assertEquals("passed", o.result("Multiturn Conformance").get("status").asText());
        assertEquals("error", o.result("Crashes the runtime").get("status").asText(), o.toString());
        assertEquals("error", o.result("After the crash").get("status").asText(), o.toString());
        // The CLI either gives those two their verdicts and ends, or crashes first as the runtime's exit rejects a
        // promise it never awaits: then the run is an error, and the log's tail says so.
        if (o.run().get("status").asText().equals("error")) {
            assertTrue(
                    o.run().get("reason").asText().startsWith("genkit dev:test-model exited with code 1"),
                    o.toString());
            assertTrue(o.run().get("log_tail").toString().contains("app process exited with code 3"), o.toString());
        } else {
            assertEquals("failed", o.run().get("status").asText());
        }
    }

    @Test
    void aDaemonTheCLIsRuntimeLeftIsStoppedToo() throws Exception {
        Fixtures.Outcome o = Fixtures.checkModel("daemon", "js", work.path("r"), "--runner", "cli");
        o.cli().expect(ExitCode.FAILED);
        Matcher daemon = Pattern.compile("conformtest/echo daemonized pid (\\d+)")
                .matcher(Files.readString(work.path("r/logs/echo-js.cli-runtime.log")));
        assertTrue(daemon.find(), "the runtime said it daemonized a child:\n" + o);
        ProcessHandle left = ProcessHandle.of(Long.parseLong(daemon.group(1))).orElse(null);
        try {
            // Its parent is gone and it left the runtime's session: only its environment says whose it is.
            if (left != null) left.onExit().get(10, TimeUnit.SECONDS);
            assertFalse(left != null && left.isAlive(), "the daemon was left running");
        } finally {
            if (left != null) left.destroyForcibly();
        }
    }

    @Test
    void ctrlCStopsTheCliAndEverythingItStartedAndKeepsWhatFinished() throws Exception {
        List<String> command = ConformJvm.command(List.of(
                "check-model",
                "--config",
                Fixtures.config().toString(),
                "--specs-dir",
                Fixtures.scenario("interruptible").toString(),
                "--runtime",
                "js",
                "--runner",
                "cli",
                "--action-timeout",
                "120",
                "--no-color",
                "--report-dir",
                work.path("r").toString()));
        Process conform = new ProcessBuilder(command)
                .directory(RepoRoot.find().toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.path("conform.log").toFile())
                .start();
        try {
            // The quick test has its verdict while the sleeping one is in flight.
            Path cliLog = work.path("r/logs/echo-js.cli.log");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline
                    && !(Files.exists(cliLog) && Files.readString(cliLog).contains("Passed: Multiturn Conformance")))
                Thread.sleep(200);
            Thread.sleep(1000);
            List<ProcessHandle> started =
                    conform.descendants().filter(ProcessHandle::isAlive).toList();
            assertTrue(
                    started.size() >= 2,
                    "the CLI and its runtime: " + started + "\n" + Files.readString(work.path("conform.log")));
            new ProcessBuilder("kill", "-INT", String.valueOf(conform.pid()))
                    .start()
                    .waitFor();
            assertTrue(conform.waitFor(30, TimeUnit.SECONDS), "conform exits on Ctrl-C");
            assertEquals(ExitCode.INTERRUPTED.code, conform.exitValue(), Files.readString(work.path("conform.log")));
            for (ProcessHandle p : started) {
                p.onExit().get(10, TimeUnit.SECONDS);
                assertFalse(p.isAlive(), p.pid() + " " + p.info().commandLine().orElse("") + " survived Ctrl-C");
            }
            JsonNode results =
                    new ObjectMapper().readTree(work.path("r/results.json").toFile());
            assertEquals(1, results.at("/totals/passed").asInt(), results.toString());
            assertEquals(1, results.at("/totals/interrupted").asInt(), results.toString());
            assertEquals("interrupted", results.at("/runs/0/status").asText());
        } finally {
            conform.destroyForcibly();
            conform.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
