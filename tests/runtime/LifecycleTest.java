package conform.runtime;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import conform.diag.ExitCode;
import conform.support.CliRun;
import conform.support.ConformJvm;
import conform.support.Fixtures;
import conform.support.RealRuntimes;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Starting, sharing and stopping runtimes: what must hold on every path, Ctrl-C included. */
@ExtendWith(RealRuntimes.class)
class LifecycleTest {

    @RegisterExtension
    private final TempProject work = TempProject.create();

    /** A config whose js runtime runs entries written by the test, next to the fixture's installed packages. */
    private Path jsConfig(String entryCommand, String extra) {
        Path entries = RepoRoot.find().resolve("entries/js");
        work.write("conform.toml", """
            [conform]
            max-retries = 0
            specs-dir = "specs"
            %s
            [conform.runtimes.js]
            cwd = "%s"
            entries-dir = "entries"
            entry-command = %s
            """.formatted(extra, entries, entryCommand));
        return work.path("conform.toml");
    }

    private Fixtures.Outcome run(Path config, String... args) {
        return Fixtures.checkModel(work.root(), config, work.path("report"), args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2", "auto"})
    void aRuntimeThatNeverStartsErrorsWithItsLogAndLeavesNothing(String transport) throws Exception {
        Path config = jsConfig(
                "[\"sh\", \"-c\", \"echo getting ready; echo v2 at $GENKIT_REFLECTION_V2_SERVER; sleep 600\"]",
                "startup-timeout = 2");
        work.write("specs/slow.yaml", "- model: conformtest/echo\n  supports: [multiturn, system-role]\n")
                .write("entries/slow.ts", "");
        long start = System.nanoTime();
        Fixtures.Outcome o = run(config, "--transport", transport);
        o.cli().expect(ExitCode.FAILED);
        assertTrue((System.nanoTime() - start) / 1e9 < 20, "bounded by startup-timeout");
        String err = o.cli().err();
        assertTrue(err.contains("after 2s"), o.toString());
        assertEquals(!transport.equals("v2"), err.contains("no runtime file from this process"), o.toString());
        assertEquals(
                !transport.equals("v1"),
                err.contains("no reflection v2 registration from this process at ws://127.0.0.1:"),
                o.toString());
        assertTrue(err.contains("getting ready"), "the log's tail is shown:\n" + o);
        JsonNode results = o.results();
        assertEquals("error", results.at("/runs/0/status").asText());
        assertEquals(2, results.at("/totals/error").asInt());
        String offered = results.at("/runs/0/log_tail/1").asText();
        assertTrue(offered.startsWith("v2 at"), results.toString());
        if (!transport.equals("v1")) {
            // conform's v2 server went with the runtime: nothing listens there any more.
            URI server = URI.create(offered.substring("v2 at ".length()));
            assertThrows(IOException.class, () -> new Socket(server.getHost(), server.getPort()).close());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "v2"})
    void aRuntimeThatLostAPortRaceIsStartedAgainUnlessItSpeaksV2(String transport) throws Exception {
        Path marker = work.path("lost-once");
        Path fixture = RepoRoot.find().resolve("entries/js/fixtures/echo.ts");
        String script = "if [ ! -f " + marker + " ]; then touch " + marker
                + "; echo 'Error: listen EADDRINUSE: address already in use 127.0.0.1:3101'; exit 1; fi; "
                + "exec node --import tsx " + fixture;
        Path config = jsConfig("[\"sh\", \"-c\", \"" + script + "\"]", "");
        work.write("specs/racer.yaml", "- model: conformtest/echo\n  supports: [multiturn]\n")
                .write("entries/racer.ts", "");
        CliRun r = run(config, "-v", "--transport", transport).cli();
        if (transport.equals("v2")) {
            // A v2 runtime opens no port: its exit is its own failure, never a race.
            r.expect(ExitCode.FAILED);
            assertFalse(r.err().contains("lost a race"), r.toString());
            assertTrue(r.err().contains("exited with code 1"), r.toString());
            return;
        }
        r.expect(ExitCode.OK);
        assertTrue(r.err().contains("lost a race for its reflection port"), r.toString());
    }

    @Test
    void anEntryThatExitsAtOnceSaysSo() throws Exception {
        Path config = jsConfig("[\"node\", \"-e\", \"console.error('boom: bad import'); process.exit(7)\"]", "");
        work.write("specs/dead.yaml", "- model: conformtest/echo\n  supports: [multiturn]\n")
                .write("entries/dead.ts", "");
        CliRun r = run(config).cli();
        r.expect(ExitCode.FAILED);
        assertTrue(r.err().contains("exited with code 7"), r.toString());
        assertTrue(r.err().contains("boom: bad import"), r.toString());
    }

    @Test
    void severalPluginsOfOneRuntimeRunInParallel() throws Exception {
        Path fixture = RepoRoot.find().resolve("entries/js/fixtures/echo.ts");
        Path config = jsConfig("[\"node\", \"--import\", \"tsx\", \"{entry}\"]", "");
        for (String plugin : List.of("alpha", "beta", "gamma")) {
            work.write("entries/" + plugin + ".ts", "import '" + fixture + "';\n")
                    .write(
                            "specs/" + plugin + ".yaml",
                            "- model: conformtest/echo\n"
                                    + "  supports: [multiturn, system-role, tool-request, streaming-multiturn]\n");
        }
        Fixtures.Outcome o = run(config, "-j", "3");
        o.cli().expect(ExitCode.OK);
        JsonNode results = o.results();
        assertEquals(3, results.get("runs").size());
        assertEquals(12, results.at("/totals/passed").asInt());
        // Three runtimes of the same project ran at once; each was found by its own pid, none attached to another.
        long longest = 0, total = 0;
        for (JsonNode run : results.get("runs")) {
            longest = Math.max(longest, run.get("elapsed_ms").asLong());
            total += run.get("elapsed_ms").asLong();
        }
        assertTrue(
                results.get("wall_ms").asLong() < total,
                "runs overlapped: wall " + results.get("wall_ms") + " ms < sum " + total + " ms");
    }

    @Test
    void retriesAreCountedAndTheLastErrorKept() throws Exception {
        Fixtures.Outcome o =
                Fixtures.checkModel("errors", "js", work.path("r"), "--max-retries", "2", "--retry-base-delay", "0");
        JsonNode throwsResult = o.result("Throws");
        assertEquals("error", throwsResult.get("status").asText());
        assertEquals(4, throwsResult.get("attempts").asInt(), "1 + 2 retries, then one serial re-run");
        assertFalse(throwsResult.get("flaky").asBoolean());
        assertEquals(1, o.result("Missing model").get("attempts").asInt(), "an unknown model is not retried");
        assertEquals(1, o.result("Multiturn Conformance").get("attempts").asInt());
    }

    @Test
    void knownFailuresDoNotFailTheRunAndStaleOnesDo() throws Exception {
        Path fixtures = RepoRoot.find().resolve("entries/js");
        String base = """
            [conform]
            max-retries = 0
            [conform.runtimes.js]
            cwd = "%s"
            entries-dir = "%s"
            """.formatted(fixtures, fixtures.resolve("fixtures"));
        String known = """
            [[conform.known-failures]]
            plugin = "echo"
            test = "%s"
            reason = "%s"
            """;
        work.write(
                "known.toml",
                base
                        + known.formatted("Wrong word", "bug 1")
                        + known.formatted("Not JSON", "bug 2")
                        + known.formatted("No tool call", "bug 3"));
        Fixtures.Outcome green = run(
                work.path("known.toml"),
                "--specs-dir",
                Fixtures.scenario("failing").toString(),
                "--runtime",
                "js",
                "--max-retries",
                "2");
        green.cli().expect(ExitCode.OK);
        JsonNode xfail = green.results().at("/results/1");
        assertEquals("xfail", xfail.at("/status").asText());
        assertEquals(1, xfail.at("/attempts").asInt(), "a known failure is not retried");
        assertTrue(
                xfail.at("/error").asText().endsWith("(known failure: bug 1)"),
                green.results().toString());
        assertTrue(green.cli().err().contains("3 known failure(s)"), green.toString());

        work.write("stale.toml", base + known.formatted("Multiturn*", "fixed long ago"));
        CliRun stale = run(
                        work.path("stale.toml"),
                        "--specs-dir",
                        Fixtures.scenario("passing").toString(),
                        "--runtime",
                        "js")
                .cli();
        stale.expect(ExitCode.FAILED);
        assertTrue(stale.err().contains("xpass") && stale.err().contains("remove that entry"), stale.toString());
    }

    @Test
    void aMissingToolchainSkipsItsRuntimeWithTheReason() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", "/nonexistent");
        CliRun r = CliRun.run(
                RepoRoot.find(),
                env,
                "check-model",
                "--config",
                Fixtures.config().toString(),
                "--runtime",
                "go",
                "--no-color");
        // Its only runtime skipped, nothing would be tested: a usage error that names the reason.
        r.expect(ExitCode.USAGE).expectErr("echo (go): toolchain missing: go not found on PATH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "v1"})
    void ctrlCStopsEveryRuntime(String transport) throws Exception {
        List<String> command = ConformJvm.command(Fixtures.checkModelInEveryRuntime(
                Fixtures.scenario("timeout"),
                "--action-timeout",
                "60",
                "--no-color",
                "--transport",
                transport,
                // Its logs go with the test's files, not to a temp dir that an interrupted run keeps.
                "--report-dir",
                work.path("r").toString()));
        Process conform = new ProcessBuilder(command)
                .directory(RepoRoot.find().toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.path("conform.log").toFile())
                .start();
        try {
            // Wait until all three runtimes are up and the sleeping tests are in flight.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            List<ProcessHandle> runtimes = List.of();
            while (System.nanoTime() < deadline) {
                runtimes = conform.descendants().filter(ProcessHandle::isAlive).toList();
                if (runtimes.size() >= 3) break;
                Thread.sleep(200);
            }
            Thread.sleep(3000);
            runtimes = conform.descendants().filter(ProcessHandle::isAlive).toList();
            assertTrue(
                    runtimes.size() >= 3,
                    "three runtimes running: " + runtimes + "\n" + Files.readString(work.path("conform.log")));
            new ProcessBuilder("kill", "-INT", String.valueOf(conform.pid()))
                    .start()
                    .waitFor();
            assertTrue(conform.waitFor(20, TimeUnit.SECONDS), "conform exits on Ctrl-C");
            for (ProcessHandle runtime : runtimes) {
                runtime.onExit().get(10, TimeUnit.SECONDS);
                assertFalse(runtime.isAlive(), "runtime " + runtime.pid() + " survived Ctrl-C");
            }
        } finally {
            conform.destroyForcibly();
            conform.descendants().forEach(ProcessHandle::destroyForcibly);
            conform.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void setupSkipsWhatIsUpToDate() {
        CliRun r = Fixtures.setup();
        r.expect(ExitCode.OK);
        for (String rt : List.of("js", "python", "go", "genkit-cli"))
            assertTrue(r.err().contains(rt + ": up to date"), r.toString());
    }

    @Test
    void unavailablePluginsAreReportedNotMissing() {
        work.write(
                        "conform.toml",
                        "[conform]\n[conform.unavailable]\nlonely = \"no package yet\"\n[conform.runtimes.js]\n")
                .write("specs/lonely.yaml", "- model: l/m\n");
        CliRun r = CliRun.run(work.root(), "check-plugin");
        r.expect(ExitCode.OK);
        assertTrue(r.out().contains("lonely: unavailable, no package yet"), r.toString());
    }

    @Test
    void theFixtureRunIsTheIssuesDoneWhen() {
        // `conform check-model --runtime js,python,go` against the fixture specs passes, and results.json is written.
        Fixtures.Outcome o = Fixtures.checkModel(
                RepoRoot.find(), Fixtures.config(), work.path("all"), "--runtime", "js,python,go", "-j", "1", "-v");
        CliRun r = o.cli();
        r.expect(ExitCode.OK);
        assertTrue(new File(work.path("all/results.json").toString()).length() > 0);
        assertTrue(r.err().contains("27 passed"), r.toString());
        // One at a time, the runs start slowest runtime first (python, js, go), whatever the plan's order.
        List<String> starts = r.err()
                .lines()
                .filter(l -> l.contains("starting the runtime"))
                .map(l -> l.replaceAll(".*echo \\((\\w+)\\).*", "$1"))
                .toList();
        assertEquals(List.of("python", "js", "go"), starts, r.toString());
        assertEquals("js", o.results().at("/runs/0/runtime").asText(), "results keep the plan's order");
    }
}
