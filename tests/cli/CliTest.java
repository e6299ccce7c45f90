package conform.cli;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ExitCode;
import conform.support.CliRun;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CLI end to end, in-process: parsing, exit codes, and what a user reads. */
class CliTest {

    @RegisterExtension
    private final TempProject project = TempProject.standard();

    private CliRun run(String... args) {
        return CliRun.run(project.root(), Map.of(), args);
    }

    private static void noStackTrace(CliRun r) {
        assertFalse(r.all().contains("\tat ") || r.all().contains("Exception"), "no stack trace for bad input:\n" + r);
    }

    // --- help, version, usage errors

    @Test
    void anInternalErrorHasItsOwnExitCode() {
        var cli = ConformCommand.commandLine(new ConformCommand(Map.of(), project.root()));
        var err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int code = new ErrorHandler().handleExecutionException(new IllegalStateException("boom"), cli, null);
        assertEquals(ExitCode.INTERNAL.code, code, "CI tells a crashed conform from a failing plugin");
        assertTrue(
                err.toString().contains("error[E0900]: internal error: java.lang.IllegalStateException: boom"),
                err.toString());
        assertTrue(err.toString().contains("rerun with -v"), err.toString());
    }

    @Test
    void bareConformPrintsUsageAndSucceeds() {
        CliRun r = run();
        r.expect(ExitCode.OK);
        assertTrue(r.out().contains("check-model")
                && r.out().contains("check-plugin")
                && r.out().contains("list"));
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun r = run("--help");
        r.expect(ExitCode.OK);
        assertTrue(r.out().contains("Exit codes: 0 success"), r.out());
    }

    @Test
    void subcommandHelpWorks() {
        CliRun r = run("check-model", "--help");
        r.expect(ExitCode.OK);
        assertTrue(r.out().contains("--dry-run") && r.out().contains("--test-concurrency"), r.out());
    }

    @Test
    void versionNamesConformAndJava() {
        CliRun r = run("--version");
        r.expect(ExitCode.OK);
        assertTrue(r.out().startsWith("conform "), r.out());
        assertTrue(r.out().contains("Java "));
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun r = run("check-model", "--frobnicate");
        r.expect(ExitCode.USAGE);
        assertTrue(r.err().contains("error[E0010]: Unknown option: '--frobnicate'"), r.err());
        assertTrue(r.err().contains("conform check-model --help"), r.err());
        noStackTrace(r);
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        CliRun r = run("chek-model");
        r.expect(ExitCode.USAGE);
        noStackTrace(r);
    }

    @Test
    void aNonNumericFlagValueIsAUsageError() {
        CliRun r = run("check-model", "-j", "many", "--dry-run");
        r.expect(ExitCode.USAGE);
        assertTrue(r.err().contains("Invalid value for option '--concurrency': 'many' is not an int"), r.err());
        noStackTrace(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-j=0", "-t=0", "--max-retries=-1", "--retry-base-delay=-1", "--action-timeout=0"})
    void outOfRangeFlagsAreUsageErrors(String flag) {
        CliRun r = run("check-model", "--dry-run", flag);
        r.expect(ExitCode.USAGE);
        assertTrue(r.err().contains("error[E0011]"), r.err());
    }

    // --- check-model --dry-run

    @Test
    void dryRunPrintsThePlanWithCounts() {
        CliRun r = run("check-model", "--dry-run");
        r.expect(ExitCode.OK);
        assertTrue(r.out().contains("Plan: 1 plugin(s) × 2 runtime(s) → 2 run(s), 2 model(s), 4 test(s)"), r.out());
        assertTrue(r.out().contains("echo (js)") && r.out().contains("echo (python)"), r.out());
        assertTrue(r.out().contains("conformtest/echo"), r.out());
    }

    @Test
    void dryRunShowsEachModelsEffectiveSettings() {
        project.write(
                "conform.toml",
                TempProject.MINIMAL_CONFIG
                        + "\n"
                        + "[conform.model-overrides.\"conformtest/echo\"]\n"
                        + "action-timeout = 7\n"
                        + "test-concurrency = 2\n");
        CliRun r = run("check-model", "--dry-run");
        assertTrue(r.out().contains("-t 2 · retries 2 · timeout 7s"), r.out());
        CliRun flag = run("check-model", "--dry-run", "-t", "5", "--action-timeout", "9");
        assertTrue(
                flag.out().contains("-t 5 · retries 2 · timeout 9s"),
                "the CLI flag beats the model override:\n" + flag.out());
    }

    @Test
    void verboseDryRunListsEveryTest() {
        CliRun r = run("check-model", "--dry-run", "-v");
        assertTrue(
                r.out().contains("Multiturn Conformance") && r.out().contains("[text-starts-with:RESPONSE:]"), r.out());
    }

    @Test
    void sharedOptionsWorkBeforeAndAfterTheSubcommand() {
        CliRun before = run("--runtime", "python", "check-model", "--dry-run");
        CliRun after = run("check-model", "--dry-run", "--runtime", "python");
        before.expect(ExitCode.OK);
        assertEquals(before.out(), after.out());
        assertFalse(before.out().contains("echo (js)"));
    }

    @Test
    void runtimesMayBeCommaSeparatedOrRepeated() {
        assertEquals(
                run("check-model", "--dry-run", "--runtime", "js,python").out(),
                run("check-model", "--dry-run", "--runtime", "js", "--runtime", "python")
                        .out());
    }

    @Test
    void pluginsAndOptionsMayInterleave() {
        project.write("specs/two.yaml", "- model: t/m\n  supports: [multiturn]\n")
                .write("entries/js/two.ts", "");
        CliRun r = run("check-model", "echo", "--dry-run", "two", "-j", "2");
        r.expect(ExitCode.OK);
        assertTrue(r.out().contains("two (js)") && r.out().contains("echo (js)"));
    }

    @Test
    void missingEnvShowsAsSkipped() {
        project.write("specs/needs-key.yaml", "- model: k/m\n").write("entries/js/needs-key.ts", "");
        CliRun r = run("check-model", "--dry-run", "needs-key");
        r.expect(ExitCode.OK);
        assertTrue(r.out().contains("SKIPPED missing env: CONFORM_TEST_KEY"), r.out());
        assertTrue(r.err().contains("warning[W0003]"), "all skipped is loud: " + r.err());
        CliRun ready =
                CliRun.run(project.root(), Map.of("CONFORM_TEST_KEY", "set"), "check-model", "--dry-run", "needs-key");
        assertFalse(ready.out().contains("SKIPPED"), ready.out());
    }

    @Test
    void unknownPluginExitsTwo() {
        CliRun r = run("check-model", "--dry-run", "nope");
        r.expect(ExitCode.USAGE);
        assertTrue(r.err().contains("error[E0001]: unknown plugin `nope`"), r.err());
        assertTrue(r.err().contains("conform list"));
    }

    @Test
    void unknownRuntimeExitsTwo() {
        CliRun r = run("--runtime", "ruby", "check-model", "--dry-run");
        r.expect(ExitCode.USAGE);
        assertTrue(r.err().contains("unknown runtime `ruby`"), r.err());
    }

    @Test
    void brokenSpecExitsTwoWithFileAndLine() {
        project.write("specs/echo.yaml", "- model: e/m\n  tests:\n    - name: x\n      validators: [valid-json]\n");
        CliRun r = run("check-model", "--dry-run");
        r.expect(ExitCode.USAGE);
        assertTrue(r.err().contains("echo.yaml:3"), r.err());
        noStackTrace(r);
    }

    @Test
    void malformedYamlExitsTwoWithFileAndLine() {
        project.write("specs/echo.yaml", "- model: e/m\n  supports: [multiturn\n");
        CliRun r = run("check-model", "--dry-run");
        r.expect(ExitCode.USAGE);
        assertTrue(r.err().contains("invalid YAML") && r.err().contains("echo.yaml:"), r.err());
        noStackTrace(r);
    }

    @Test
    void brokenTomlExitsTwoWithFileAndLine() {
        project.write("conform.toml", "[conform]\ntest-concurrency = \"three\"\n[conform.runtimes.js]\n");
        CliRun r = run("list");
        r.expect(ExitCode.USAGE);
        assertTrue(r.err().contains("conform.toml:2"), r.err());
        assertTrue(
                r.err().contains("`conform.test-concurrency` must be an integer of at least 1, got \"three\""),
                r.err());
        noStackTrace(r);
    }

    @Test
    void malformedTomlExitsTwo() {
        project.write("conform.toml", "[conform\n");
        CliRun r = run("check-plugin");
        r.expect(ExitCode.USAGE);
        assertTrue(r.err().contains("invalid TOML") && r.err().contains("conform.toml:1"), r.err());
    }

    @Test
    void anExplicitConfigWorksFromAnyDirectory() {
        try (TempProject elsewhere = TempProject.create()) {
            CliRun r = CliRun.run(
                    elsewhere.root(),
                    Map.of(),
                    "list",
                    "--config",
                    project.path("conform.toml").toString());
            r.expect(ExitCode.OK);
            assertTrue(r.out().contains("echo"), r.out());
            CliRun viaEnv = CliRun.run(
                    elsewhere.root(),
                    Map.of("CONFORM_CONFIG", project.path("conform.toml").toString()),
                    "list");
            assertEquals(r.out(), viaEnv.out());
        }
    }

    @Test
    void noConfigAnywhereExitsTwo() {
        try (TempProject empty = TempProject.create()) {
            CliRun r = CliRun.run(empty.root(), Map.of(), "list");
            r.expect(ExitCode.USAGE);
            assertTrue(r.err().contains("conform.toml not found"), r.err());
        }
    }

    // --- list

    @Test
    void listShowsPluginsRuntimesAndEnv() {
        project.write("specs/needs-key.yaml", "- model: k/m\n");
        CliRun r = run("list");
        r.expect(ExitCode.OK);
        assertTrue(r.out().contains("echo") && r.out().contains("js python"), r.out());
        assertTrue(r.out().contains("(no credentials needed)"), r.out());
        assertTrue(r.out().contains("CONFORM_TEST_KEY (unset)"), r.out());
        assertTrue(r.out().contains("(js) (python)"), "needs-key has no entries:\n" + r.out());
    }

    @Test
    void listMarksAnInvalidSpecAndCarriesOn() {
        project.write("specs/bad.yaml", "- model: [1]\n");
        CliRun r = run("list");
        r.expect(ExitCode.OK);
        assertTrue(r.out().contains("invalid spec"), r.out());
        assertTrue(r.out().contains("echo"));
        assertTrue(r.err().contains("bad.yaml:1"), r.err());
    }

    @Test
    void listValidatorsNamesAllTen() {
        CliRun r = run("list", "--validators");
        r.expect(ExitCode.OK);
        assertEquals(10, r.out().lines().filter(l -> l.matches("  [a-z-]+ .*")).count(), r.out());
    }

    @Test
    void listCapabilitiesNamesAllTwelve() {
        CliRun r = run("list", "--capabilities");
        r.expect(ExitCode.OK);
        assertTrue(
                r.out().contains("input-video-youtube") && r.out().contains("Image Output (Generation) Conformance"),
                r.out());
    }

    @Test
    void outputIsRedacted() {
        project.write("specs/echo.yaml", "- model: e/sk-ant-aaaaaaaaaaaaaaaaaaaaaaaa\n");
        CliRun r = run("check-model", "--dry-run");
        assertFalse(r.all().contains("sk-ant-aaaa"), r.all());
    }

    // --- check-plugin

    @Test
    void checkPluginPassesWhenEverythingIsThere() {
        CliRun r = run("check-plugin");
        r.expect(ExitCode.OK);
        assertTrue(r.out().contains("✓ all 1 plugin(s)"), r.out());
    }

    @Test
    void checkPluginReportsEveryGap() {
        project.write(
                        "conform.toml",
                        TempProject.MINIMAL_CONFIG.replace(
                                "[conform.runtimes.python]",
                                "[conform.runtimes.python]\nplugins = [\"echo\", \"declared\"]"))
                .write("entries/js/orphan.ts", "")
                .write("specs/lonely.yaml", "- model: l/m\n");
        CliRun r = run("check-plugin");
        r.expect(ExitCode.FAILED);
        assertTrue(r.out().contains("orphan (js): no spec"), r.out());
        assertTrue(
                r.out().contains("declared (python): no entry; expected " + project.path("entries/python/declared.py")),
                r.out());
        assertTrue(r.out().contains("declared (python): no spec"), r.out());
        assertTrue(r.out().contains("lonely: spec"), r.out());
        assertTrue(r.out().contains("4 problem(s)"), r.out());
    }

    @Test
    void checkPluginHonoursTheRuntimeFilter() {
        project.delete("entries/python/echo.py")
                .write(
                        "conform.toml",
                        TempProject.MINIMAL_CONFIG.replace(
                                "[conform.runtimes.python]", "[conform.runtimes.python]\nplugins = [\"echo\"]"));
        run("check-plugin").expect(ExitCode.FAILED);
        run("check-plugin", "--runtime", "js").expect(ExitCode.OK);
    }

    // --- completion

    @Test
    void completionScriptCoversTheSubcommands() {
        CliRun r = run("completion", "zsh");
        r.expect(ExitCode.OK);
        assertTrue(r.out().contains("check-model") && r.out().contains("bashcompinit"), "works in zsh too");
        run("completion", "fish").expect(ExitCode.USAGE);
    }

    // --- the shipped checkout

    @Test
    void theShippedSpecsPassADryRun() {
        CliRun r = CliRun.run(RepoRoot.find(), Map.of(), "check-model", "--dry-run");
        r.expect(ExitCode.OK);
        assertTrue(r.out().startsWith("Plan: "), r.out());
    }
}
