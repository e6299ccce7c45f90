package conform.report;

import static org.junit.jupiter.api.Assertions.*;

import conform.config.TestId;
import conform.config.Transport;
import conform.diag.ConformException;
import conform.runner.RunResult;
import conform.runner.RunStatus;
import conform.runner.Runner;
import conform.runner.TestResult;
import conform.runner.TestStatus;
import conform.runner.VerdictComparison;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** results.json through the typed model: what is written reads back the same, and a broken file says where. */
class ResultsFileTest {

    @RegisterExtension
    private final TempProject dir = TempProject.create();

    private static ResultsDocument sample() {
        TestResult passed = new TestResult(
                new TestId("echo", "js", "m/a", "Multiturn"), TestStatus.PASSED, 2, true, null, 12L, null);
        TestResult failed = new TestResult(
                new TestId("echo", "js", "m/a", "Tools"), TestStatus.FAILED, 3, false, "no tool request", 40L, 7L);
        TestResult skipped = TestResult.skipped(new TestId("keyed", "go", "k/m", "Multiturn"), "missing env: K");
        return ResultsDocument.of(
                List.of(
                        new RunResult(
                                "echo",
                                "js",
                                RunStatus.FAILED,
                                null,
                                List.of(passed, failed),
                                900,
                                400L,
                                500L,
                                Path.of("/tmp/logs/echo js.log"),
                                List.of(),
                                List.of(),
                                Runner.CONFORM,
                                Transport.V2),
                        new RunResult(
                                "keyed",
                                "go",
                                RunStatus.SKIPPED,
                                "missing env: K",
                                List.of(skipped),
                                0,
                                null,
                                null,
                                null,
                                List.of())),
                "2026-12-01T10:00:00Z",
                1234,
                "9.9.9");
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws Exception {
        ResultsDocument written = sample();
        Path file = ResultsFile.write(dir.root(), written);
        assertEquals(written, ResultsFile.read(file));
        String json = Files.readString(file);
        assertTrue(json.contains("\"schema\" : " + ResultsDocument.SCHEMA), json);
        assertTrue(json.indexOf("\"plugin\"") < json.indexOf("\"status\""), "plugin first, as people read it");
        assertTrue(json.contains("\"log\" : \"/tmp/logs/echo js.log\""), "a path, not a file: URI");
        assertTrue(json.contains("\"transport\" : \"v2\""), json);
        try (var files = Files.list(dir.root())) {
            assertEquals(
                    List.of("results.json"),
                    files.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file is left");
        }
    }

    @Test
    void theRunnerAndTheVerdictComparisonReadBackTheSameAndAnUnexplainedOneFailsTheRun() throws Exception {
        VerdictComparison comparison = new VerdictComparison(
                Runner.CLI,
                2,
                List.of(new VerdictComparison.Disagreement(
                        "echo",
                        "js",
                        "m/a",
                        "Multiturn",
                        null,
                        new VerdictComparison.Side(TestStatus.PASSED, null),
                        new VerdictComparison.Side(TestStatus.ERROR, "boom"))));
        ResultsDocument written = sample().withComparison(comparison);
        Path file = ResultsFile.write(dir.root(), written);
        ResultsDocument read = ResultsFile.read(file);
        assertEquals(written, read);
        assertEquals(Runner.CONFORM, read.runs().get(0).runner());
        String json = Files.readString(file);
        assertTrue(json.contains("\"runner\" : \"conform\""), json);
        assertTrue(json.contains("\"unexplained\" : 1"), json);
        RunResult passing = written.runs().get(1);
        assertFalse(
                ResultsDocument.of(List.of(passing), "t", 1, "v")
                        .withComparison(comparison)
                        .passed(),
                "an unexplained disagreement fails a run that passed");
        assertFalse(Files.readString(ResultsFile.write(dir.path("without"), sample()))
                .contains("comparison"));
    }

    @Test
    void totalsCountsAndVerdictComeFromTheTests() {
        ResultsDocument d = sample();
        assertEquals(3, d.testCount());
        assertEquals(1L, d.totals().get("failed"));
        assertEquals(1L, d.totals().get("flaky"));
        assertFalse(d.passed());
        assertEquals(
                List.of("Tools"), d.failures().stream().map(TestResult::test).toList());
    }

    @Test
    void aFileWithoutASchemaIsVersionOne() {
        ResultsDocument old = ResultsFile.read(RepoRoot.find().resolve("tests/fixtures/results/every-status.json"));
        assertEquals(1, old.schema());
        assertEquals(8, old.testCount());
        assertEquals(4, old.runs().get(0).tests().size(), "tests are grouped back under their run");
    }

    @Test
    void aSchemaFourFileHasItsRunnerAndNoTransport() {
        dir.write("four.json", """
            {"schema": 4, "runs": [{"plugin": "echo", "runtime": "js", "status": "passed", "runner": "cli"}],
             "results": [{"plugin": "echo", "runtime": "js", "model": "m", "test": "t", "status": "passed"}]}
            """);
        RunResult run = ResultsFile.read(dir.path("four.json")).runs().get(0);
        assertEquals(Runner.CLI, run.runner());
        assertNull(run.transport(), "conform before schema 5 did not record it");
    }

    @Test
    void aMissingFieldIsNamedWithItsPlace() {
        dir.write("r.json", """
            {"runs": [{"plugin": "echo", "runtime": "js", "status": "passed"}],
             "results": [{"plugin": "echo", "runtime": "js", "test": "t", "status": "passed"}]}
            """);
        ConformException e = assertThrows(ConformException.class, () -> ResultsFile.read(dir.path("r.json")));
        assertTrue(e.getMessage().contains("Missing required field 'model' in `results[0]`"), e.getMessage());
        assertEquals(2, e.diagnostic().location().line());
    }

    @Test
    void anUnknownStatusAndAnOrphanResultAreRejected() {
        dir.write(
                "status.json",
                "{\"runs\": [{\"plugin\": \"p\", \"runtime\": \"js\", \"status\": \"weird\"}], \"results\": []}");
        ConformException status = assertThrows(ConformException.class, () -> ResultsFile.read(dir.path("status.json")));
        assertTrue(status.getMessage().contains("weird"), status.getMessage());
        dir.write("orphan.json", """
            {"runs": [], "results": [{"plugin": "echo", "runtime": "js", "model": "m", "test": "t", "status": "passed"}]}\
            """);
        ConformException orphan = assertThrows(ConformException.class, () -> ResultsFile.read(dir.path("orphan.json")));
        assertTrue(orphan.getMessage().contains("belongs to no run"), orphan.getMessage());
    }

    @Test
    void aNewerSchemaIsRefused() {
        dir.write("new.json", "{\"schema\": 99, \"runs\": [], \"results\": []}");
        ConformException e = assertThrows(ConformException.class, () -> ResultsFile.read(dir.path("new.json")));
        assertTrue(e.getMessage().contains("schema 99"), e.getMessage());
    }

    @Test
    void aRerunMergesItsVerdictsIntoTheEarlierResults() {
        ResultsDocument earlier = sample();
        TestResult fixed =
                new TestResult(new TestId("echo", "js", "m/a", "Tools"), TestStatus.PASSED, 1, false, null, 9L, null);
        TestResult other =
                new TestResult(new TestId("other", "go", "o/m", "T"), TestStatus.PASSED, 1, false, null, 3L, null);
        ResultsDocument rerun = ResultsDocument.of(
                List.of(
                        new RunResult(
                                "echo", "js", RunStatus.PASSED, null, List.of(fixed), 100, 50L, 40L, null, List.of()),
                        new RunResult(
                                "other", "go", RunStatus.PASSED, null, List.of(other), 10, 5L, 4L, null, List.of())),
                "2026-12-02T10:00:00Z",
                200,
                "9.9.9");
        ResultsDocument merged = earlier.merge(rerun);
        RunResult echo = merged.runs().get(0);
        assertEquals(
                List.of("Multiturn", "Tools"),
                echo.tests().stream().map(TestResult::test).toList(),
                "the order stays");
        assertEquals(TestStatus.PASSED, echo.tests().get(1).status(), "the rerun's verdict replaces the old one");
        assertEquals(2, echo.tests().get(0).attempts(), "what was not rerun is untouched");
        assertEquals(RunStatus.PASSED, echo.status(), "judged again over the merged tests");
        assertEquals(
                List.of("echo", "keyed", "other"),
                merged.runs().stream().map(RunResult::plugin).toList());
        assertEquals("2026-12-02T10:00:00Z", merged.startedAt());
        assertTrue(merged.passed());
        RunResult died =
                new RunResult("echo", "js", RunStatus.ERROR, "died", List.of(fixed), 1, null, null, null, List.of());
        assertEquals(
                RunStatus.ERROR,
                earlier.merge(ResultsDocument.of(List.of(died), "t", 1, "v"))
                        .runs()
                        .get(0)
                        .status(),
                "a rerun whose runtime failed keeps its error");
    }
}
