package conform.plan;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ExitCode;
import conform.support.CliRun;
import conform.support.TempProject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** --model, --test and --rerun-failed narrow the plan to the tests they name. */
class TestFilterTest {

    @RegisterExtension
    private final TempProject project = TempProject.standard()
            .write(
                    "specs/echo.yaml",
                    "- model: conformtest/echo\n"
                            + "  supports: [multiturn, system-role, streaming-multiturn]\n"
                            + "- model: conformtest/other\n"
                            + "  supports: [multiturn]\n");

    private CliRun dryRun(String... extra) {
        String[] args = new String[extra.length + 3];
        args[0] = "check-model";
        args[1] = "--dry-run";
        args[2] = "-v";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return CliRun.run(project.root(), Map.of(), args);
    }

    @Test
    void modelGlobs() {
        CliRun r = dryRun("--model", "*/other").expectOut("2 model(s), 2 test(s)");
        assertFalse(r.out().contains("conformtest/echo "), r.out());
    }

    @Test
    void testGlobsAreRepeatable() {
        CliRun r = dryRun("--test", "*streaming*", "--test", "System*").expectOut("→ 2 run(s), 2 model(s), 4 test(s)");
        assertFalse(r.out().contains("· Multiturn Conformance  ["), r.out());
    }

    @Test
    void nothingSelectedIsAUsageError() {
        dryRun("--test", "nope*").expect(ExitCode.USAGE).expectErr("no test matches");
    }

    @Test
    void rerunFailedKeepsOnlyWhatDidNotPass() {
        project.write("results.json", """
            {"runs": [{"plugin": "echo", "runtime": "js", "status": "failed"}, {"plugin": "echo", "runtime": "python", "status": "passed"}],
             "results": [
              {"plugin": "echo", "runtime": "js", "model": "conformtest/echo", "test": "System Role Conformance", "status": "failed"},
              {"plugin": "echo", "runtime": "js", "model": "conformtest/echo", "test": "Multiturn Conformance", "status": "passed"},
              {"plugin": "echo", "runtime": "python", "model": "conformtest/other", "test": "Multiturn Conformance", "status": "xfail"}]}
            """);
        dryRun("--rerun-failed", project.path("results.json").toString())
                .expect(ExitCode.OK)
                .expectOut("1 plugin(s) × 1 runtime(s) → 1 run(s), 1 model(s), 1 test(s)", "System Role Conformance");
    }
}
