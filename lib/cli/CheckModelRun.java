package conform.cli;

import conform.config.KnownFailure;
import conform.console.LiveTable;
import conform.console.ModelsView;
import conform.console.RunSummary;
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
import conform.runner.RuntimeOptions;
import conform.runner.TestStatus;
import conform.runtime.SourceRevision;
import conform.validate.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    ExitCode execute(Plan plan, Plan listed, EmulationOptions emulation) {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        RunLogs logs = RunLogs.create(reportDir);
        ws.console.err(ws.console.style().bold("conform") + " · "
                + plan.runnable().size() + " run(s), " + plan.testCount() + " test(s) · logs in " + logs.dir());
        Interruption interruption = new Interruption();
        // With reports, the model inventory of the runs comes from the runs themselves.
        RunListings listings = reportDir == null
                ? null
                : new RunListings(Emulation.listingTargets(listed, ws.config(), emulation.emulate));
        Map<String, List<SourceRevision>> sources = sourcesByRuntime(plan);
        List<RunResult> results;
        ExitCode stopped;
        try (StopOnSignal signals = StopOnSignal.install(interruption, ws.console)) {
            results = runPlan(plan, emulation, logs.dir(), interruption, listings).stream()
                    .map(r -> r.status() == RunStatus.SKIPPED
                            ? r
                            : r.withSources(sources.getOrDefault(r.runtime(), List.of())))
                    .toList();
            stopped = signals.exitCode();
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        RunSummary.print(ws.console, results, wallMs, rerun);
        ResultsDocument document = ResultsDocument.of(results, startedAt.toString(), wallMs, ConformCommand.VERSION)
                .mapText(ws.console.redactor()::redact);
        ReportOutput.annotate(document, ws);
        ModelInventory inventory = listings != null && stopped == null ? inventory(listings) : null;
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

    private List<RunResult> runPlan(
            Plan plan, EmulationOptions emulation, Path logDir, Interruption interruption, RunListings listings) {
        Map<String, String> setupFailures = SetupProgress.ensureForRuns(plan.runnable(), ws, logDir);
        RunListener progress = LiveTable.forConsole(ws.console, plan, ws.options.verbose, LiveTable.stderrIsTerminal());
        try (Emulator emulator = emulation.start(plan, ws.config(), ws.console, line -> {
            if (ws.options.verbose) progress.log("    " + ws.console.style().dim("emulator: " + line));
        })) {
            Map<String, String> childEnv = emulator == null ? Map.of() : emulator.childEnvironment(ws.env);
            Map<String, String> mediaUrls = emulator == null ? Map.of() : emulator.testImageUrls();
            RuntimeOptions options = new RuntimeOptions(
                    logDir, childEnv, ws.options.verbose, ws.console.redactor(), mediaUrls, listings);
            return new PlanRunner(
                            new Validation(ws.validators()),
                            knownFailures(emulation.emulate),
                            options,
                            progress,
                            interruption)
                    .execute(plan, setupFailures);
        } finally {
            if (progress instanceof LiveTable live) live.close();
        }
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
