package conform.cli;

import conform.config.RuntimeConfig;
import conform.console.LiveTable;
import conform.console.RunSummary;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.ExitCode;
import conform.emulator.Emulator;
import conform.plan.Plan;
import conform.plan.PlannedRun;
import conform.report.ResultsDocument;
import conform.runner.PlanRunner;
import conform.runner.RunListener;
import conform.runner.RunResult;
import conform.runner.RuntimeOptions;
import conform.validate.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** check-model without --dry-run: set up the runtimes, run the plan with live progress, print the summary, write the reports. */
final class CheckModelRun {

    private final Workspace ws;
    private final Path reportDir;

    CheckModelRun(Workspace ws, Path reportDir) {
        this.ws = ws;
        this.reportDir = reportDir;
    }

    ExitCode execute(Plan plan, EmulationOptions emulation) {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        Path logDir = logDirectory();
        ws.console.err(ws.console.style().bold("conform") + " · "
                + plan.runnable().size() + " run(s), " + plan.testCount() + " test(s) · logs in " + logDir);
        Map<String, String> setupFailures = setUp(plan, logDir);
        List<RunResult> results;
        RunListener progress = LiveTable.forConsole(ws.console, plan, ws.options.verbose, LiveTable.stderrIsTerminal());
        try (Emulator emulator = emulation.start(plan, ws.config(), ws.console, line -> {
            if (ws.options.verbose) progress.log("    " + ws.console.style().dim("emulator: " + line));
        })) {
            Map<String, String> childEnv = emulator == null ? Map.of() : emulator.childEnvironment(ws.env);
            RuntimeOptions options = new RuntimeOptions(logDir, childEnv, ws.options.verbose);
            results = new PlanRunner(
                            new Validation(ws.validators()), ws.config().knownFailures(), options, progress)
                    .execute(plan, setupFailures);
        } finally {
            if (progress instanceof LiveTable live) live.close();
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        RunSummary.print(
                ws.console,
                results,
                wallMs,
                r -> "conform check-model " + r.plugin() + " --runtime " + r.runtime() + " -v");
        ResultsDocument document = ResultsDocument.of(results, startedAt.toString(), wallMs, ConformCommand.VERSION)
                .mapText(ws.console.redactor()::redact);
        ReportOutput.annotate(document, ws);
        if (reportDir != null) ReportOutput.write(reportDir, document, true, ws, ws.console::err);
        return document.passed() ? ExitCode.OK : ExitCode.FAILED;
    }

    /** Installs what the plan's runtimes still lack; returns runtime → why its setup failed. */
    private Map<String, String> setUp(Plan plan, Path logDir) {
        Map<String, List<String>> pluginsByRuntime = new LinkedHashMap<>();
        Map<String, RuntimeConfig> runtimes = new LinkedHashMap<>();
        for (PlannedRun r : plan.runnable()) {
            pluginsByRuntime
                    .computeIfAbsent(r.runtimeName(), k -> new ArrayList<>())
                    .add(r.plugin());
            runtimes.put(r.runtimeName(), r.runtime());
        }
        Map<String, String> failures = new LinkedHashMap<>();
        pluginsByRuntime.forEach(
                (name, plugins) -> SetupProgress.ensureQuietly(runtimes.get(name), plugins, ws.console, logDir)
                        .ifPresent(why -> failures.put(name, why)));
        return failures;
    }

    /** The runtimes' logs: under --report-dir when given, else a fresh temporary directory that is kept for post-mortems. */
    private Path logDirectory() {
        if (reportDir != null) {
            Path reports = WritableDirectory.create(reportDir, "--report-dir");
            return WritableDirectory.create(reports.resolve("logs"), "--report-dir");
        }
        try {
            return Files.createTempDirectory("conform-logs-");
        } catch (IOException e) {
            throw new ConformException(
                    Diagnostic.error("E0012", "cannot create a log directory: " + WritableDirectory.reason(e))
                            .hint("pass --report-dir DIR with a writable DIR"));
        }
    }
}
