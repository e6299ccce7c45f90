package conform.cli;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ExitCode;
import conform.support.CliRun;
import conform.support.TempProject;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A dry run checks what a run would need and more: every spec, every runtime's directories, the report directory. */
class DryRunChecksTest {

    @RegisterExtension
    private final TempProject project = TempProject.standard();

    private CliRun run(String... args) {
        return CliRun.run(project.root(), Map.of(), args);
    }

    @Test
    void aBrokenSpecOfAPluginWithoutEntryFailsTheDryRun() {
        project.write("specs/orphan.yaml", "- model: o/m\n  supports: [multiturm]\n");
        run("check-model", "--dry-run")
                .expect(ExitCode.USAGE)
                .expectErr("orphan.yaml:2", "unknown capability `multiturm`");
        run("check-model", "--dry-run", "echo").expect(ExitCode.USAGE, "every spec, even with plugins selected");
    }

    @Test
    void aSpecGenkitDevTestModelCannotReadIsAnErrorUnderItsRunner() {
        project.write("specs/echo.yaml", """
            - model: conformtest/echo
              tests:
                - {name: Tool, input: {messages: [{role: user, content: [{text: hi}]}]}}
                - {name: Tool - streaming, input: {messages: [{role: user, content: [{text: hi}]}]}}
            """);
        run("check-model", "--dry-run", "echo", "--runtime", "js").expect(ExitCode.OK, "conform's own runner reads it");
        for (String runner : new String[] {"cli", "both"}) {
            run("check-model", "--dry-run", "echo", "--runtime", "js", "--runner", runner)
                    .expect(ExitCode.USAGE)
                    .expectErr("echo.yaml:1", "cannot run under genkit dev:test-model", "cannot be told apart");
        }
        run("check-model", "--dry-run", "echo", "--use-cli", "--runner", "conform")
                .expect(ExitCode.USAGE)
                .expectErr("--use-cli means --runner cli, which contradicts --runner conform");
    }

    @Test
    void everyBrokenSpecIsReportedAtOnce() {
        project.write("specs/one.yaml", "- model: [1]\n").write("specs/two.yaml", "- modle: m\n");
        run("check-model", "--dry-run")
                .expect(ExitCode.USAGE)
                .expectErr("one.yaml:1", "two.yaml:1", "the dry run found 2 problems");
    }

    @Test
    void aMissingDefaultEntriesDirectoryFailsTheDryRun() {
        project.delete("entries/python/echo.py").delete("entries/python");
        run("check-model", "--dry-run")
                .expect(ExitCode.USAGE)
                .expectErr("the entries directory of runtime `python`, " + project.path("entries/python")
                        + ", does not exist");
        run("check-model", "--dry-run", "--runtime", "js").expect(ExitCode.OK, "only the selected runtimes");
    }

    @Test
    void aMissingDefaultSpecsDirectoryFailsTheDryRun() {
        project.delete("specs/echo.yaml").delete("specs");
        run("check-model", "--dry-run")
                .expect(ExitCode.USAGE)
                .expectErr("the specs directory of runtime `js`, " + project.path("specs") + ", does not exist");
    }

    @Test
    void aReportDirectoryThatCannotBeCreatedFailsTheDryRunWithoutCreatingAnything() {
        project.write("a-file", "");
        run("check-model", "--dry-run", "--report-dir", "a-file/report")
                .expect(ExitCode.USAGE)
                .expectErr("cannot use --report-dir " + project.path("a-file/report") + ": " + project.path("a-file")
                        + ": Not a directory");
        run("check-model", "--dry-run", "--report-dir", "a-file")
                .expect(ExitCode.USAGE)
                .expectErr(project.path("a-file") + " exists and is not a directory");
        run("check-model", "--dry-run", "--report-dir", "new/report").expect(ExitCode.OK);
        assertFalse(Files.exists(project.path("new")), "a dry run creates nothing");
    }

    @Test
    void aRunStopsAtAReportDirectoryItCannotCreateWithTheSystemsReason() {
        project.write("a-file", "");
        run("check-model", "--report-dir", "a-file/report")
                .expect(ExitCode.USAGE)
                .expectErr("cannot use --report-dir", "Not a directory");
        run("check-model", "--report-dir", "a-file")
                .expect(ExitCode.USAGE)
                .expectErr("cannot use --report-dir " + project.path("a-file") + ": " + project.path("a-file")
                        + " exists and is not a directory");
    }
}
