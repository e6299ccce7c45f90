package conform.runtime;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import conform.diag.ExitCode;
import conform.support.ConformJvm;
import conform.support.Fixtures;
import conform.support.RealRuntimes;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real runtimes that misbehave at the end of their life — a child they never reap, a daemon they leave behind, a
 * shutdown that outlasts conform's — in each runtime: conform stops all they started, waits for nothing that has
 * already stopped, and leaves no runtime file.
 */
@ExtendWith(RealRuntimes.class)
class MisbehavingRuntimeTest {

    /**
     * Runs its arguments as a subreaper that reaps only that one child (as an init in a container may do): the orphans it
     * adopts stay zombies for as long as it runs.
     */
    private static final String NEVER_REAPS = """
        import ctypes, os, sys
        ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
        child = os.fork()
        if child == 0:
            os.execvp(sys.argv[1], sys.argv[1:])
        sys.exit(os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]))
        """;

    @RegisterExtension
    private final TempProject work = TempProject.create();

    @InEachTransport
    void aChildTheRuntimeNeverReapedIsNotWaitedFor(String runtime, String transport) throws Exception {
        // The runtime's orphans go to a parent that never reaps them: the killed child stays a zombie while conform
        // runs.
        List<String> command = new ArrayList<>(List.of("python3", "-c", NEVER_REAPS));
        command.addAll(ConformJvm.command(checkModel("spawn", runtime, transport)));
        JsonNode run = runToTheEnd(command).get("runs").get(0);
        assertEquals("passed", run.get("status").asText(), run.toString());
        assertEquals(transport, run.get("transport").asText());
        long stopping = run.get("elapsed_ms").asLong()
                - run.get("startup_ms").asLong()
                - run.get("tests_ms").asLong();
        assertTrue(stopping < 2500, "stopping the runtime took " + stopping + " ms: " + run);
    }

    @InEachTransport
    void aDaemonLeftByARuntimeThatCrashedIsStopped(String runtime, String transport) throws Exception {
        try {
            Fixtures.Outcome o = Fixtures.checkModel("daemon", runtime, work.path("reports"), "--transport", transport);
            assertEquals("error", o.run().get("status").asText(), o.toString());
            assertEquals(transport, o.run().get("transport").asText());
            List<Long> daemons = spawned();
            assertEquals(1, daemons.size(), "the runtime said it daemonized a child:\n" + o);
            // Its parent is gone and it left the runtime's session: only its environment says whose it is.
            for (long daemon : daemons) assertFalse(ProcessTable.running(daemon), "daemon " + daemon + " left running");
        } finally {
            stopSpawned();
        }
    }

    @InEachTransport
    void everyTestOfARuntimeThatDiesSlowlySaysItExited(String runtime, String transport) {
        // A launcher script takes 2 s to end once the runtime in it crashed (its own clean-up): the calls in flight
        // lose their connection long before the exit can be seen.
        everyTestSaysTheRuntimeExited(runtime, transport, launchedThrough(runtime, "%s; sleep 2; exit 7"));
    }

    @Test
    void aStrangerOnTheDeadRuntimesPortDoesNotAnswerForIt() throws Exception {
        // Once the runtime crashed, something else serves a healthy /api/__health on its port while the launcher
        // lingers, as another runtime can on a busy machine (JS runtimes scan the same ports): conform must not take
        // that for its runtime alive and well. Go's fixture listens on the port conform gives it.
        Files.createDirectories(work.path("stranger/api"));
        Files.writeString(work.path("stranger/api/__health"), "ok");
        String stranger = "timeout 20 python3 -m http.server --bind 127.0.0.1 --directory " + work.path("stranger")
                + " $GENKIT_REFLECTION_PORT >/dev/null 2>&1 &";
        everyTestSaysTheRuntimeExited("go", "v1", launchedThrough("go", "%s; " + stranger + " sleep 3; exit 7"));
    }

    private void everyTestSaysTheRuntimeExited(String runtime, String transport, Path config) {
        Fixtures.Outcome o = Fixtures.checkModel(
                work.root(),
                config,
                work.path("reports"),
                "--specs-dir",
                Fixtures.scenario("dies-in-flight").toString(),
                "-t",
                "3",
                "--transport",
                transport);
        o.cli().expect(ExitCode.FAILED);
        assertEquals(transport, o.run().get("transport").asText());
        String exited =
                "the runtime exited with code 7 (log: " + work.path("reports/logs/echo-" + runtime + ".log") + ")";
        for (String test : List.of("Waits", "Streams", "Crashes the runtime")) {
            assertEquals("error", o.result(test).get("status").asText(), test + "\n" + o);
            assertEquals(exited, o.result(test).get("error").asText(), test + "\n" + o);
        }
        assertEquals(
                "the runtime exited with code 7 during the run",
                o.run().get("reason").asText());
    }

    /** A config for the fixture of {@code runtime}, its entry started by `sh -c` with {@code script} around its command. */
    private Path launchedThrough(String runtime, String script) {
        Path root = RepoRoot.find().resolve("entries").resolve(runtime);
        String command = switch (runtime) {
            case "js" -> "node .conform/build/{plugin}.mjs";
            case "python" -> ".venv/bin/python {entry}";
            default -> "bin/{plugin}";
        };
        work.write("conform.toml", """
            [conform]
            max-retries = 0
            startup-timeout = 90
            [conform.runtimes.%s]
            cwd = "%s"
            entries-dir = "%s"
            entry-command = ["sh", "-c", "%s"]
            """.formatted(runtime, root, root.resolve("fixtures"), script.formatted(command)));
        return work.path("conform.toml");
    }

    @InEachTransport
    void aSecondCtrlCLeavesNoRuntimeFileOfAHungRuntime(String runtime, String transport) throws Exception {
        // A test hangs (a minute's sleep), so the runtime's own shutdown (Genkit Go's waits 5 s for it) outlasts the
        // grace of the shutdown hook that the second Ctrl-C leaves to stop it: the runtime is killed before it can
        // remove its file, and conform removes it. (Over v2 a runtime writes none.)
        List<String> args = new ArrayList<>(checkModel("interruptible", runtime, transport));
        args.add("-v");
        Path console = work.path("conform.txt");
        Process conform = new ProcessBuilder(ConformJvm.command(args))
                .directory(RepoRoot.find().toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(console).contains("· Multiturn Conformance") && System.nanoTime() < deadline)
                Thread.sleep(100);
            List<ProcessHandle> runtimes = conform.descendants().toList();
            assertEquals(
                    transport.equals("v1") ? 1 : 0,
                    Fixtures.runtimeFiles(runtime, runtimes).size(),
                    Files.readString(console));
            signal("INT", conform);
            Thread.sleep(300);
            signal("INT", conform);
            assertTrue(conform.waitFor(30, TimeUnit.SECONDS), "conform quits:\n" + Files.readString(console));
            assertEquals(130, conform.exitValue(), Files.readString(console));
            for (ProcessHandle started : runtimes) {
                started.onExit().get(10, TimeUnit.SECONDS);
                assertFalse(started.isAlive(), "runtime " + started.pid() + " survived");
            }
            assertEquals(List.of(), Fixtures.runtimeFiles(runtime, runtimes), Files.readString(console));
        } finally {
            conform.descendants().forEach(ProcessHandle::destroyForcibly);
            conform.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void signal(String signal, Process process) throws Exception {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                .start()
                .waitFor();
    }

    /** check-model on a scenario in one runtime over {@code transport}, writing its reports into the work folder. */
    private List<String> checkModel(String scenario, String runtime, String transport) {
        return List.of(
                "check-model",
                "--transport",
                transport,
                "--config",
                Fixtures.config().toString(),
                "--specs-dir",
                Fixtures.scenario(scenario).toString(),
                "--runtime",
                runtime,
                "--report-dir",
                work.path("reports").toString(),
                "--no-color");
    }

    /** Runs {@code command} (conform in a JVM of its own) to its end, then stops what the runtime spawned; its results. */
    private JsonNode runToTheEnd(List<String> command) throws Exception {
        Path console = work.path("conform.txt");
        Process conform = new ProcessBuilder(command)
                .directory(RepoRoot.find().toFile())
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        try {
            assertTrue(conform.waitFor(120, TimeUnit.SECONDS), "conform ended:\n" + Files.readString(console));
            return new ObjectMapper().readTree(work.path("reports/results.json").toFile());
        } finally {
            conform.descendants().forEach(ProcessHandle::destroyForcibly);
            conform.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            stopSpawned();
        }
    }

    /** Kills what the fixture spawned, should conform have left it. */
    private void stopSpawned() throws Exception {
        for (long pid : spawned())
            ProcessHandle.of(pid)
                    .filter(h -> h.info().command().orElse("").endsWith("sleep"))
                    .ifPresent(ProcessHandle::destroyForcibly);
    }

    /** The pids of the children the fixture says it spawned or daemonized, from the runtime's log. */
    private List<Long> spawned() throws Exception {
        List<Long> pids = new ArrayList<>();
        Path logs = work.path("reports/logs");
        if (!Files.isDirectory(logs)) return pids;
        Pattern line = Pattern.compile("conformtest/echo (?:spawned|daemonized) pid (\\d+)");
        try (var files = Files.list(logs)) {
            for (Path log : files.toList()) {
                Matcher m = line.matcher(Files.readString(log));
                while (m.find()) pids.add(Long.parseLong(m.group(1)));
            }
        }
        return pids;
    }
}
