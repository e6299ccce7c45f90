package conform.cli;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ExitCode;
import conform.support.CliRun;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
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
    void bareConformPrintsUsageAndIsAUsageError() {
        run().expect(ExitCode.USAGE).expectErr("check-model", "check-plugin", "list");
    }

    @Test
    void emulateHelpDocumentsItsFaultsAndTheDirectivesInAPrompt() {
        run("emulate", "--help")
                .expect(ExitCode.OK)
                .expectOut(
                        "--fault=FAULT     Inject FAULT into the first model requests",
                        "truncate or malformed",
                        "#emulator:429[:ms]",
                        "#emulator:truncate   a stream is cut short, as a dropped connection",
                        "placeholder keys");
    }

    @Test
    void helpListsTheExitCodes() {
        run("--help").expect(ExitCode.OK).expectOut("Exit codes: 0 success");
    }

    @Test
    void subcommandHelpWorks() {
        run("check-model", "--help").expect(ExitCode.OK).expectOut("--dry-run", "--test-concurrency");
    }

    @Test
    void versionNamesConformAndJava() {
        CliRun r = run("--version").expect(ExitCode.OK);
        assertTrue(r.out().startsWith("conform "), r.out());
        r.expectOut("Java ");
    }

    @Test
    void unknownOptionIsAUsageError() {
        noStackTrace(run("check-model", "--frobnicate")
                .expect(ExitCode.USAGE)
                .expectErr("error[E0010]: Unknown option: '--frobnicate'", "conform check-model --help"));
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        noStackTrace(run("chek-model").expect(ExitCode.USAGE));
    }

    @Test
    void aNonNumericFlagValueIsAUsageError() {
        noStackTrace(run("check-model", "-j", "many", "--dry-run")
                .expect(ExitCode.USAGE)
                .expectErr("Invalid value for option '--concurrency': 'many' is not an int"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-j=0", "-t=0", "--max-retries=-1", "--retry-base-delay=-1", "--action-timeout=0"})
    void outOfRangeFlagsAreUsageErrors(String flag) {
        run("check-model", "--dry-run", flag).expect(ExitCode.USAGE).expectErr("error[E0011]");
    }

    // --- setup

    @Test
    void aFailedSetupStepShowsItsLogAndTheCommandToRetryAsTheUserStartedConform() {
        project.write("entries/js/package.json", "{\"name\": \"no-lock-file\"}");
        CliRun r = CliRun.run(
                        project.root(),
                        Map.of("CONFORM_LAUNCHER", "./jbang conform"),
                        "setup",
                        "--runtime",
                        "js",
                        "--no-color")
                .expect(ExitCode.FAILED)
                .expectErr(
                        "error[E0013]: setting up the js runtime failed", "run `./jbang conform setup --runtime js`");
        assertTrue(r.err().contains("package-lock.json"), "npm's own reason is in the log tail shown:\n" + r);
        noStackTrace(r);
    }

    // --- check-model --dry-run

    @Test
    void dryRunPrintsThePlanWithCounts() {
        run("check-model", "--dry-run")
                .expect(ExitCode.OK)
                .expectOut(
                        "Plan: 1 plugin(s) × 2 runtime(s) → 2 run(s), 2 model(s), 4 test(s)",
                        "echo (js)",
                        "echo (python)",
                        "conformtest/echo");
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
        run("check-model", "--dry-run").expectOut("-t 2 · retries 2 · timeout 7s");
        CliRun flag = run("check-model", "--dry-run", "-t", "5", "--action-timeout", "9");
        assertTrue(
                flag.out().contains("-t 5 · retries 2 · timeout 9s"),
                "the CLI flag beats the model override:\n" + flag.out());
    }

    @Test
    void verboseDryRunListsEveryTest() {
        run("check-model", "--dry-run", "-v").expectOut("Multiturn Conformance", "[text-starts-with:RESPONSE:]");
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
        run("check-model", "echo", "--dry-run", "two", "-j", "2")
                .expect(ExitCode.OK)
                .expectOut("two (js)", "echo (js)");
    }

    @Test
    void missingEnvShowsAsSkipped() {
        project.write("conform.toml", TempProject.MINIMAL_CONFIG + TempProject.NEEDS_KEY_ENV)
                .write("specs/needs-key.yaml", "- model: k/m\n")
                .write("entries/js/needs-key.ts", "");
        // Nothing would be tested: a run that tests nothing must not pass.
        run("check-model", "--dry-run", "needs-key")
                .expect(ExitCode.USAGE)
                .expectErr(
                        "error[E0003]: nothing to test: every selected run is skipped",
                        "needs-key (js): missing env: CONFORM_TEST_KEY");
        CliRun ready =
                CliRun.run(project.root(), Map.of("CONFORM_TEST_KEY", "set"), "check-model", "--dry-run", "needs-key");
        assertFalse(ready.out().contains("SKIPPED"), ready.out());
    }

    @Test
    void unknownPluginExitsTwo() {
        run("check-model", "--dry-run", "nope")
                .expect(ExitCode.USAGE)
                .expectErr("error[E0001]: unknown plugin `nope`", "conform list");
    }

    @Test
    void unknownRuntimeExitsTwo() {
        run("--runtime", "ruby", "check-model", "--dry-run")
                .expect(ExitCode.USAGE)
                .expectErr("unknown runtime `ruby`");
    }

    @Test
    void brokenSpecExitsTwoWithFileAndLine() {
        project.write("specs/echo.yaml", "- model: e/m\n  tests:\n    - name: x\n      validators: [valid-json]\n");
        noStackTrace(run("check-model", "--dry-run").expect(ExitCode.USAGE).expectErr("echo.yaml:3"));
    }

    @Test
    void malformedYamlExitsTwoWithFileAndLine() {
        project.write("specs/echo.yaml", "- model: e/m\n  supports: [multiturn\n");
        noStackTrace(run("check-model", "--dry-run").expect(ExitCode.USAGE).expectErr("invalid YAML", "echo.yaml:"));
    }

    @Test
    void aFlagBeyondItsMaximumExitsTwo() {
        run("check-model", "--dry-run", "-j", "100")
                .expect(ExitCode.USAGE)
                .expectErr("`-j` must be an integer from 1 to 64, got 100");
        run("check-model", "--dry-run", "--action-timeout", "100000")
                .expect(ExitCode.USAGE)
                .expectErr("`--action-timeout` must be a number of seconds greater than 0 and at most 86400 (one day)");
    }

    @Test
    void aPluginNameInTheConfigWithoutSpecExitsTwoAtItsLine() {
        project.write("conform.toml", TempProject.MINIMAL_CONFIG + "\n[conform.env]\nech = [\"KEY\"]\n");
        for (String[] command : new String[][] {{"list"}, {"check-plugin"}, {"check-model", "--dry-run"}}) {
            noStackTrace(run(command)
                    .expect(ExitCode.USAGE)
                    .expectErr(
                            "conform.toml:8",
                            "`conform.env.ech` names the plugin `ech`, which has no spec (did you mean `echo`?)"));
        }
    }

    @Test
    void specsDirAddsToThePluginsTheConfigMayName() {
        project.write("elsewhere/other.yaml", "- model: o/m\n")
                .write("conform.toml", TempProject.MINIMAL_CONFIG + "\n[conform.env]\necho = []\n");
        run("list", "--specs-dir", "elsewhere").expect(ExitCode.OK).expectOut("other");
    }

    @Test
    void aSpecsDirThatDoesNotExistExitsTwo() {
        noStackTrace(run("list", "--specs-dir", "nowhere")
                .expect(ExitCode.USAGE)
                .expectErr("--specs-dir " + project.path("nowhere") + " does not exist"));
    }

    @Test
    void anAliasBombExitsTwoAtTheLimit() throws Exception {
        Files.copy(
                RepoRoot.find().resolve("tests/fixtures/hostile/alias-bomb.yaml"),
                project.path("specs/echo.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        noStackTrace(run("check-model", "--dry-run")
                .expect(ExitCode.USAGE)
                .expectErr("echo.yaml:", "grows beyond 100000 values once its YAML aliases are expanded"));
    }

    @Test
    void brokenTomlExitsTwoWithFileAndLine() {
        project.write("conform.toml", "[conform]\ntest-concurrency = \"three\"\n[conform.runtimes.js]\n");
        noStackTrace(run("list")
                .expect(ExitCode.USAGE)
                .expectErr(
                        "conform.toml:2", "`conform.test-concurrency` must be an integer from 1 to 32, got \"three\""));
    }

    @Test
    void malformedTomlExitsTwo() {
        project.write("conform.toml", "[conform\n");
        run("check-plugin").expect(ExitCode.USAGE).expectErr("invalid TOML", "conform.toml:1");
    }

    @Test
    void anExplicitConfigWorksFromAnyDirectory() {
        try (TempProject elsewhere = TempProject.create()) {
            CliRun r = CliRun.run(
                            elsewhere.root(),
                            Map.of(),
                            "list",
                            "--config",
                            project.path("conform.toml").toString())
                    .expect(ExitCode.OK)
                    .expectOut("echo");
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
            CliRun.run(empty.root(), Map.of(), "list").expect(ExitCode.USAGE).expectErr("conform.toml not found");
        }
    }

    // --- list

    @Test
    void listShowsPluginsRuntimesAndEnv() {
        project.write("conform.toml", TempProject.MINIMAL_CONFIG + TempProject.NEEDS_KEY_ENV)
                .write("specs/needs-key.yaml", "- model: k/m\n");
        CliRun r = run("list")
                .expect(ExitCode.OK)
                .expectOut("echo", "js python", "(no credentials needed)", "CONFORM_TEST_KEY (unset)");
        assertTrue(r.out().contains("(js) (python)"), "needs-key has no entries:\n" + r.out());
    }

    @Test
    void listMarksAnInvalidSpecAndCarriesOn() {
        project.write("specs/bad.yaml", "- model: [1]\n");
        run("list").expect(ExitCode.OK).expectOut("invalid spec", "echo").expectErr("bad.yaml:1");
    }

    @Test
    void listValidatorsNamesAllTen() {
        CliRun r = run("list", "--validators").expect(ExitCode.OK);
        assertEquals(10, r.out().lines().filter(l -> l.matches("  [a-z-]+ .*")).count(), r.out());
    }

    @Test
    void listValidatorsSaysWhatEachTakes() {
        run("list", "--validators")
                .expect(ExitCode.OK)
                .expectOut("Argument (ARG)", "optional: the media kind, one of image, audio, video")
                .expectOut("valid-json", "none");
    }

    @Test
    void aValidatorArgumentItDoesNotTakeExitsTwoAtItsPlace() {
        project.write(
                "specs/echo.yaml",
                "- model: e/m\n  tests:\n    - input: {messages: [{role: user, content: [{text: hi}]}]}\n"
                        + "      validators: [\"valid-json:strict\"]\n");
        noStackTrace(run("check-model", "--dry-run")
                .expect(ExitCode.USAGE)
                .expectErr(
                        "echo.yaml:4:20", "`valid-json` takes no argument, got `strict`", "write `valid-json` alone"));
    }

    @Test
    void listCapabilitiesNamesAllTwelve() {
        run("list", "--capabilities")
                .expect(ExitCode.OK)
                .expectOut("input-video-youtube", "Image Output (Generation) Conformance");
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
        run("check-plugin").expect(ExitCode.OK).expectOut("✓ all 1 plugin(s)");
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
        run("check-plugin")
                .expect(ExitCode.FAILED)
                .expectOut(
                        "orphan (js): no spec",
                        "declared (python): no entry; expected " + project.path("entries/python/declared.py"),
                        "declared (python): no spec",
                        "lonely: spec",
                        "4 problem(s)");
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

    @Test
    void checkPluginLeavesASpecOfAnUnselectedRuntimeAlone() {
        project.write("specs/snake.yaml", "- model: s/m\n").write("entries/python/snake.py", "");
        run("check-plugin", "--runtime", "js").expect(ExitCode.OK).expectOut("✓ all 1 plugin(s)");
        project.delete("entries/python/snake.py");
        run("check-plugin", "--runtime", "js")
                .expect(ExitCode.FAILED)
                .expectOut("snake: spec " + project.path("specs/snake.yaml") + " has no entry in any runtime");
    }

    // --- completion

    @Test
    void completionScriptCoversTheSubcommands() {
        CliRun r = run("completion", "zsh").expect(ExitCode.OK);
        assertTrue(r.out().contains("check-model") && r.out().contains("bashcompinit"), "works in zsh too");
        run("completion", "fish").expect(ExitCode.USAGE);
    }

    // --- the shipped checkout

    @Test
    void theShippedSpecsPassADryRun() {
        CliRun r = CliRun.run(RepoRoot.find(), Map.of(), "check-model", "--dry-run")
                .expect(ExitCode.OK);
        assertTrue(r.out().startsWith("Plan: "), r.out());
    }
}
