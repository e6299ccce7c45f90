package conform.cli;

import conform.config.KnownFailure;
import conform.console.ComparisonView;
import conform.console.LiveTable;
import conform.console.ModelsView;
import conform.console.RunSummary;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.ExitCode;
import conform.emulator.Emulation;
import conform.emulator.Emulator;
import conform.models.ModelInventory;
import conform.plan.Plan;
import conform.plan.PlannedRun;
import conform.report.ResultsDocument;
import conform.report.ResultsFile;
import conform.runner.Interruption;
import conform.runner.PlanRunner;
import conform.runner.RunListener;
import conform.runner.RunListings;
import conform.runner.RunResult;
import conform.runner.RunStatus;
import conform.runner.Runner;
import conform.runner.RuntimeOptions;
import conform.runner.TestStatus;
import conform.runner.VerdictComparison;
import conform.runtime.GenkitCli;
import conform.runtime.SourceRevision;
import conform.validate.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * check-model without --dry-run: set up the runtimes, run the plan with live progress, print the summary, write the
 * reports. Ctrl-C or SIGTERM ends the run early with what finished written and the rest marked interrupted.
 */
final class CheckModelRun {

    private final Workspace ws;
    private final Path reportDir;
    private final Function<RunResult, String> rerun;
    private final Path rerunSource;
    /** The media URLs of test inputs a run replaced by the emulator's copies (under --emulate), once it ran. */
    private Set<String> replacedUrls = Set.of();

    /**
     * @param rerun       the command that repeats one run, for the summary's hints
     * @param rerunSource the results.json --rerun-failed read, or null: written into again, its verdicts are merged
     */
    CheckModelRun(Workspace ws, Path reportDir, Function<RunResult, String> rerun, Path rerunSource) {
        this.ws = ws;
        this.reportDir = reportDir;
        this.rerun = rerun;
        this.rerunSource = rerunSource;
    }

    /**
     * @param listed the runs whose models the reports list: those the plan runs, each with its whole spec (not only
     *               what --model, --test or --rerun-failed selected)
     */
    ExitCode execute(Plan plan, Plan listed, EmulationOptions emulation, RunnerOptions runners) {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        RunLogs logs = RunLogs.create(reportDir);
        ws.console.err(ws.console.style().bold("conform") + " · "
                + plan.runnable().size() + " run(s), " + plan.testCount() + " test(s)"
                + (runners.runners().equals(List.of(Runner.CONFORM))
                        ? ""
                        : " · "
                                + String.join(
                                        " and ",
                                        runners.runners().stream()
                                                .map(r -> r.title)
                                                .toList()))
                + " · logs in " + logs.dir());
        Interruption interruption = new Interruption();
        // With reports, the model inventory of the runs comes from conform's own runs of them (the genkit CLI's
        // runtimes
        // cannot be asked: under --runner cli alone they are listed apart, as `conform models` does).
        RunListings listings = reportDir == null || !runners.runners().contains(Runner.CONFORM)
                ? null
                : new RunListings(Emulation.listingTargets(listed, ws.config(), emulation.emulate));
        Map<String, List<SourceRevision>> sources = sourcesByRuntime(plan);
        Map<Runner, List<RunResult>> byRunner = new EnumMap<>(Runner.class);
        ExitCode stopped;
        try (StopOnSignal signals = StopOnSignal.install(interruption, ws.console)) {
            runPlan(plan, emulation, runners, logs.dir(), interruption, listings)
                    .forEach((runner, runs) -> byRunner.put(
                            runner,
                            runs.stream()
                                    .map(r -> r.status() == RunStatus.SKIPPED
                                            ? r
                                            : r.withSources(sources.getOrDefault(r.runtime(), List.of())))
                                    .toList()));
            stopped = signals.exitCode();
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        List<RunResult> results = byRunner.get(runners.runners().get(0));
        RunSummary.print(ws.console, results, wallMs, rerun);
        VerdictComparison comparison = runners.compares() && stopped == null
                ? VerdictComparison.of(plan, byRunner.get(Runner.CONFORM), byRunner.get(Runner.CLI), replacedUrls)
                : null;
        if (comparison != null) ComparisonView.print(ws.console, comparison);
        ResultsDocument document = ResultsDocument.of(results, startedAt.toString(), wallMs, ConformCommand.VERSION)
                .withComparison(comparison)
                .mapText(ws.console.redactor()::redact);
        ReportOutput.annotate(document, ws);
        ModelInventory inventory = reportDir == null || stopped != null
                ? null
                : listings != null ? inventory(listings) : inventoryApart(listed, emulation, logs.dir());
        if (reportDir != null)
            ReportOutput.write(reportDir, mergedIfRerunInPlace(document), inventory, true, ws, ws.console::err);
        logs.finish(document.passed() && stopped == null, ws.console);
        if (stopped != null) {
            long unfinished = document.results().stream()
                    .filter(t -> t.status() == TestStatus.INTERRUPTED)
                    .count();
            ws.console.err("  ■ interrupted by " + interruption.cause() + ": " + (document.testCount() - unfinished)
                    + " test(s) finished, " + unfinished + " without a verdict");
            return stopped;
        }
        return document.passed() ? ExitCode.OK : ExitCode.FAILED;
    }

    /** Each runner's results, in plan order; the runtimes (and the genkit CLI) are installed first where they lack anything. */
    private Map<Runner, List<RunResult>> runPlan(
            Plan plan,
            EmulationOptions emulation,
            RunnerOptions runners,
            Path logDir,
            Interruption interruption,
            RunListings listings) {
        Map<String, String> setupFailures = SetupProgress.ensureForRuns(plan.runnable(), ws, logDir);
        GenkitCli cli = new GenkitCli(ws.config().genkitCli());
        Optional<String> cliSetup =
                runners.usesCli() && cli.hasProject() ? SetupProgress.ensureQuietly(cli, ws, logDir) : Optional.empty();
        Map<Runner, List<RunResult>> byRunner = new EnumMap<>(Runner.class);
        AtomicReference<RunListener> progress = new AtomicReference<>();
        try (Emulator emulator = emulation.start(plan, ws.config(), ws.console, line -> {
            if (!ws.options.verbose) return;
            String shown = "    " + ws.console.style().dim("emulator: " + line);
            RunListener live = progress.get();
            if (live != null) live.log(shown);
            else ws.console.err(shown);
        })) {
            Map<String, String> childEnv = emulator == null ? Map.of() : emulator.childEnvironment(ws.env);
            Map<String, String> mediaUrls = emulator == null ? Map.of() : emulator.testImageUrls();
            RuntimeOptions options = new RuntimeOptions(
                    logDir, childEnv, ws.options.verbose, ws.console.redactor(), mediaUrls, listings);
            replacedUrls = mediaUrls.keySet();
            for (Runner runner : runners.runners()) {
                if (byRunner.size() > 0)
                    ws.console.err("  " + runner.title + " on the same run(s), for the verdict comparison");
                Map<String, String> broken = new LinkedHashMap<>(setupFailures);
                if (runner == Runner.CLI)
                    cliSetup.ifPresent(why -> plan.runnable().forEach(r -> broken.put(r.runtimeName(), why)));
                if (runner == Runner.CLI
                        && PlanRunner.CANONICAL_MAX_CONCURRENCY
                                < Math.min(plan.concurrency(), plan.runnable().size()))
                    ws.console.err(
                            "  " + runner.title + ": " + PlanRunner.CANONICAL_MAX_CONCURRENCY + " run(s) at once,"
                                    + " one per core, as the runtime it starts has a fixed 40 s to come up");
                if (runner == Runner.CLI) runners.v1Only(plan).ifPresent(ws.console::err);
                RunListener listener =
                        LiveTable.forConsole(ws.console, plan, ws.options.verbose, LiveTable.stderrIsTerminal());
                progress.set(listener);
                try {
                    PlanRunner planRunner = runner == Runner.CLI
                            ? PlanRunner.canonical(
                                    cli, knownFailures(emulation.emulate), options, listener, interruption)
                            : new PlanRunner(
                                    new Validation(ws.validators()),
                                    knownFailures(emulation.emulate),
                                    options,
                                    listener,
                                    interruption);
                    byRunner.put(runner, planRunner.execute(plan, broken));
                } finally {
                    progress.set(null);
                    if (listener instanceof LiveTable live) live.close();
                }
            }
        }
        return byRunner;
    }

    /** Each runtime's local sources as they are when the check starts: what every run of the runtime used. */
    private static Map<String, List<SourceRevision>> sourcesByRuntime(Plan plan) {
        Map<String, List<SourceRevision>> byRuntime = new LinkedHashMap<>();
        for (PlannedRun run : plan.runnable()) {
            byRuntime.computeIfAbsent(
                    run.runtimeName(),
                    name -> run.runtime().sources().stream()
                            .map(SourceRevision::of)
                            .toList());
        }
        return byRuntime;
    }

    /** The model inventory of the plugins that ran, redacted for the reports, and its summary line on the console. */
    private ModelInventory inventory(RunListings listings) {
        ModelInventory inventory = listings.inventory(ws.config().baseDir(), ConformCommand.VERSION)
                .map(i -> i.mapText(ws.console.redactor()::redact))
                .orElse(null);
        if (inventory != null) ws.console.err(ModelsView.summary(inventory, ws.console.style()));
        return inventory;
    }

    /**
     * The model inventory of the plugins that ran, taken by starting each runtime once more, and its summary line on the
     * console. An inventory that cannot be taken (the emulator cannot listen) is a warning: the run's results are
     * written all the same.
     */
    private ModelInventory inventoryApart(Plan listed, EmulationOptions emulation, Path logDir) {
        try {
            ModelInventory inventory = InventoryRun.take(ws, listed, emulation.emulate, null, logDir);
            ws.console.err(ModelsView.summary(inventory, ws.console.style()));
            return inventory;
        } catch (ConformException e) {
            ws.console.diagnostic(Diagnostic.warning("W0005", "no model inventory in the reports: " + e.getMessage())
                    .hint("run `conform models` to see what stopped it"));
            return null;
        }
    }

    /** The records that hold for this run: those of offline-only failures only under --emulate. */
    private List<KnownFailure> knownFailures(boolean emulated) {
        return ws.config().knownFailures().stream()
                .filter(k -> emulated || !k.emulatedOnly())
                .toList();
    }

    /**
     * A rerun written where its --rerun-failed file lies merges into it (the rerun's verdicts replace the old ones for
     * the same tests) instead of replacing the full results with its subset; the console says so.
     */
    private ResultsDocument mergedIfRerunInPlace(ResultsDocument document) {
        Path target = reportDir.resolve(ResultsFile.FILE_NAME).toAbsolutePath().normalize();
        if (rerunSource == null
                || !target.equals(rerunSource.toAbsolutePath().normalize())
                || !Files.isRegularFile(target)) {
            return document;
        }
        ws.console.err("  merging the " + document.testCount() + " rerun verdict(s) into " + target
                + " (they replace the earlier ones for the same tests)");
        return ResultsFile.read(target).merge(document);
    }
}
