package conform.runtime;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import conform.support.ConformJvm;
import conform.support.Fixtures;
import conform.support.RealRuntimes;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C or SIGTERM in the middle of a check in every runtime: the runtimes are stopped, the tests that finished keep
 * their verdicts in results.json and the reports, the rest are interrupted, the console says so, the exit code is the
 * signal's, and no runtime file or process of conform's is left.
 */
@ExtendWith(RealRuntimes.class)
class InterruptionTest {

    private static final List<String> RUNTIMES = List.of("js", "python", "go");

    @RegisterExtension
    private final TempProject work = TempProject.create();

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"INT, 130, Ctrl-C", "TERM, 143, SIGTERM"})
    void whatFinishedIsWrittenAndTheRestIsInterrupted(String signal, int code, String cause) throws Exception {
        Path reports = work.path("reports");
        Path err = work.path("err.txt");
        List<String> args = new ArrayList<>(Fixtures.checkModelInEveryRuntime(
                Fixtures.scenario("interruptible"), "--report-dir", reports.toString(), "-v", "--no-color"));
        Process conform = new ProcessBuilder(ConformJvm.command(args))
                .directory(RepoRoot.find().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(work.path("out.txt").toFile())
                .redirectError(err.toFile())
                .start();
        try {
            // Every runtime has given the quick test its verdict, and the sleeping one is in flight.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && finishedQuickTests(err) < RUNTIMES.size()) Thread.sleep(100);
            assertEquals(RUNTIMES.size(), finishedQuickTests(err), Files.readString(err));
            List<ProcessHandle> runtimes = conform.descendants().toList();
            new ProcessBuilder("kill", "-" + signal, String.valueOf(conform.pid()))
                    .start()
                    .waitFor();
            assertTrue(conform.waitFor(30, TimeUnit.SECONDS), "conform ends within the stop's grace");
            String console = Files.readString(err);
            assertEquals(code, conform.exitValue(), console);
            assertTrue(
                    console.contains("interrupted by " + cause + ": 3 test(s) finished, 3 without a verdict"), console);
            assertFalse(console.contains("failed to start") || console.contains("error[E0002]"), console);
            for (ProcessHandle runtime : runtimes) runtime.onExit().get(10, TimeUnit.SECONDS);

            JsonNode results =
                    new ObjectMapper().readTree(reports.resolve("results.json").toFile());
            for (JsonNode t : results.get("results")) {
                String expected = t.get("test").asText().equals("Sleeps") ? "interrupted" : "passed";
                assertEquals(expected, t.get("status").asText(), t.toString());
            }
            for (JsonNode run : results.get("runs"))
                assertEquals("interrupted", run.get("status").asText(), run.toString());
            assertTrue(Files.readString(reports.resolve("report.html")).contains("data-status=\"interrupted\""));
            assertTrue(Files.readString(reports.resolve("junit.xml"))
                    .contains("conform was stopped before this test finished"));
            for (String runtime : RUNTIMES) assertEquals(List.of(), Fixtures.runtimeFiles(runtime, runtimes), runtime);
        } finally {
            conform.descendants().forEach(ProcessHandle::destroyForcibly);
            conform.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static long finishedQuickTests(Path err) throws Exception {
        return Files.readString(err)
                .lines()
                .filter(l -> l.contains("✓") && l.contains("· Multiturn Conformance"))
                .count();
    }
}
