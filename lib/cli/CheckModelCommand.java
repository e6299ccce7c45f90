package conform.cli;

import conform.config.Setting;
import conform.config.SettingLayer;
import conform.config.TestId;
import conform.console.PlanReport;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.ExitCode;
import conform.plan.Plan;
import conform.plan.Planner;
import conform.plan.Preflight;
import conform.plan.TestFilter;
import conform.report.ResultsFile;
import conform.runner.TestResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "check-model",
        mixinStandardHelpOptions = true,
        description = "Run the conformance specs of the given plugins (default: all) in each selected runtime.")
final class CheckModelCommand extends Subcommand {

    @Parameters(
            paramLabel = "PLUGIN",
            arity = "0..*",
            description = "Plugins to check (default: every plugin with a spec)")
    List<String> plugins = new ArrayList<>();

    @Option(
            names = {"-j", "--concurrency"},
            paramLabel = "N",
            description = "Plugin runs at once (default 8)")
    Integer concurrency;

    @Option(
            names = {"-t", "--test-concurrency"},
            paramLabel = "N",
            description = "Tests at once per model; beats every override (default 3)")
    Integer testConcurrency;

    @Option(names = "--max-retries", paramLabel = "N", description = "Retries of a failed test; 0 disables (default 2)")
    Integer maxRetries;

    @Option(
            names = "--retry-base-delay",
            paramLabel = "SECONDS",
            description = "Base of the exponential backoff (default 1.0)")
    Double retryBaseDelay;

    @Option(names = "--action-timeout", paramLabel = "SECONDS", description = "Limit for one model call (default 120)")
    Double actionTimeout;

    @Option(
            names = "--dry-run",
            description =
                    "Check config, every spec, entries, directories and --report-dir; print the plan; start nothing")
    boolean dryRun;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Write results.json and the runtimes' logs here")
    Path reportDir;

    @Option(
            names = "--model",
            paramLabel = "GLOB",
            description = "Only models matching GLOB (repeatable; * matches anything)")
    List<String> models = new ArrayList<>();

    @Option(names = "--test", paramLabel = "GLOB", description = "Only tests whose name matches GLOB (repeatable)")
    List<String> tests = new ArrayList<>();

    @Option(
            names = "--rerun-failed",
            paramLabel = "RESULTS.json",
            description = "Only the tests that did not pass in RESULTS.json")
    Path rerunFailed;

    @Mixin
    EmulationOptions emulation = new EmulationOptions();

    @Mixin
    RunnerOptions runner = new RunnerOptions();

    @Override
    ExitCode run(Workspace ws) {
        SettingLayer flags = flagSettings();
        emulation.check();
        if (dryRun) preflight(ws);
        Plan plan = new Planner(
                        ws.config(), ws.inventory(), ws.specLoader(), emulation.planningEnvironment(ws.env), flags)
                .plan(plugins, ws.options.runtimes);
        Plan whole = emulation.restrict(plan, ws.config());
        plan = filter(ws).apply(whole);
        if (plan.runs().isEmpty()) {
            throw new ConformException(Diagnostic.error(
                            "E0003", "nothing to run: no test matches the --model, --test or --rerun-failed selection")
                    .hint("check the globs against `conform check-model --dry-run -v`"));
        }
        plan.warnings().forEach(ws.console::diagnostic);
        if (plan.runnable().isEmpty()) throw nothingToTest(plan);
        runner.check(plan);
        if (dryRun) {
            PlanReport.render(plan, ws.config().file(), ws.options.verbose, ws.console.style())
                    .forEach(ws.console::out);
            return ExitCode.OK;
        }
        RerunCommand rerun = RerunCommand.of(
                Launcher.prefix(ws.env), spec.commandLine().getParent().getParseResult());
        return new CheckModelRun(ws, ws.path(reportDir), rerun, ws.path(rerunFailed))
                .execute(plan, ran(whole, plan), emulation, runner);
    }

    /** What only a dry run checks: the report directory, without creating it, every spec and every runtime's directories. */
    private void preflight(Workspace ws) {
        if (reportDir != null) WritableDirectory.check(ws.path(reportDir), "--report-dir");
        List<Diagnostic> problems = Preflight.problems(
                ws.inventory(), ws.specLoader(), Planner.selectRuntimes(ws.config(), ws.options.runtimes));
        if (problems.size() == 1) throw new ConformException(problems.get(0));
        if (!problems.isEmpty()) {
            problems.forEach(ws.console::diagnostic);
            throw new ConformException(Diagnostic.error("E0004", "the dry run found " + problems.size() + " problems")
                    .hint("fix each of them above; each names its file"));
        }
    }

    /** The runs of {@code whole} (whole specs) that {@code plan} (perhaps narrowed by a selection) runs. */
    private static Plan ran(Plan whole, Plan plan) {
        Set<String> runs = new HashSet<>();
        plan.runnable().forEach(r -> runs.add(r.plugin() + " " + r.runtimeName()));
        return whole.withRuns(whole.runs().stream()
                .filter(r -> r.runnable() && runs.contains(r.plugin() + " " + r.runtimeName()))
                .toList());
    }

    /** Every selected run is skipped: a run that tested nothing must not pass, so it is a usage error that says why. */
    private static ConformException nothingToTest(Plan plan) {
        List<String> reasons = plan.runs().stream()
                .map(r -> r.plugin() + " (" + r.runtimeName() + "): " + r.skipReason())
                .toList();
        boolean env = plan.runs().stream().anyMatch(r -> !r.missingEnv().isEmpty());
        boolean emulated = plan.runs().stream().anyMatch(r -> r.skipReason().startsWith("not emulated"));
        String hint = env
                ? "set the missing environment variables, or add --emulate to run against conform's emulator"
                : emulated
                        ? "pick plugins the emulator serves (`conform check-model --emulate --dry-run` lists them)"
                        : "install what is missing, or select other plugins or runtimes";
        return new ConformException(Diagnostic.error("E0003", "nothing to test: every selected run is skipped")
                .note(String.join("\n", reasons))
                .hint(hint));
    }

    private TestFilter filter(Workspace ws) {
        if (rerunFailed == null) return new TestFilter(models, tests, null);
        Set<TestId> failed = new HashSet<>();
        for (TestResult t : ResultsFile.read(ws.path(rerunFailed)).failures()) failed.add(t.id());
        return new TestFilter(models, tests, failed);
    }

    /** The settings given on the command line, each checked as strictly as the same key in conform.toml. */
    private SettingLayer flagSettings() {
        Map<Setting, Number> values = new EnumMap<>(Setting.class);
        put(values, Setting.CONCURRENCY, concurrency, "-j");
        put(values, Setting.TEST_CONCURRENCY, testConcurrency, "-t");
        put(values, Setting.MAX_RETRIES, maxRetries, "--max-retries");
        put(values, Setting.RETRY_BASE_DELAY, retryBaseDelay, "--retry-base-delay");
        put(values, Setting.ACTION_TIMEOUT, actionTimeout, "--action-timeout");
        return SettingLayer.of(values);
    }

    private static void put(Map<Setting, Number> values, Setting setting, Number value, String flag) {
        if (value == null) return;
        if (!setting.accepts(value)) {
            throw new ConformException(
                    Diagnostic.error("E0011", "`" + flag + "` must be " + setting.expectation() + ", got " + value)
                            .hint("see `conform check-model --help`"));
        }
        values.put(setting, value);
    }
}
