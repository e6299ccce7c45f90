package conform.cli;

import conform.runner.PlanRunner;
import conform.runner.RuntimeOptions;
import conform.validate.Validation;
import conform.report.ResultsDocument;
import conform.report.ResultsFile;
import conform.runner.RunStatus;
import conform.config.RuntimeConfig;
import conform.emulator.Emulation;
import conform.emulator.Emulator;
import conform.plan.Plan;
import conform.plan.PlannedRun;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.console.LiveTable;
import conform.report.Reports;
import conform.console.RunSummary;
import conform.runner.RunListener;
import conform.runner.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** check-model without --dry-run: run the plan, print progress and the summary, write results.json. */
final class CheckModelRun {

    private final Workspace ws;
    private final Path reportDir;

    CheckModelRun(Workspace ws, Path reportDir) {
        this.ws = ws;
        this.reportDir = reportDir;
    }

    int execute(Plan plan, boolean emulate, Emulator.RunFault fault) {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        Path logDir = logDirectory();
        ws.console.err(ws.console.style().bold("conform") + " · " + plan.runnable().size() + " run(s), " + plan.testCount()
                + " test(s) · logs in " + logDir);
        Map<String, String> setupFailures = setUp(plan, logDir);
        List<RunResult> results;
        RunListener progress = LiveTable.forConsole(ws.console, plan, ws.options.verbose, LiveTable.stderrIsTerminal());
        try (Emulator emulator = emulate ? startEmulator(plan, fault, progress) : null) {
            Map<String, String> childEnv = emulator == null ? Map.of() : emulator.childEnvironment(ws.env);
            RuntimeOptions options = new RuntimeOptions(logDir, childEnv, ws.options.verbose);
            results = new PlanRunner(new Validation(ws.validators()), ws.config().knownFailures(), options, progress).execute(plan, setupFailures);
        } finally {
            if (progress instanceof LiveTable live) live.close();
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        RunSummary.print(ws.console, results, wallMs);
        ResultsDocument document = ResultsDocument.of(results, startedAt.toString(), wallMs, ConformCommand.VERSION).mapText(ws.console.redactor()::redact);
        Reports.annotations(document, ws.env).forEach(ws.console::out);
        if (reportDir != null) {
            try {
                ws.console.err("  results: " + ResultsFile.write(reportDir, document));
                for (Path written : Reports.write(reportDir, document, ws.env)) ws.console.err("  report: " + written);
            } catch (IOException e) {
                throw new ConformException(Diagnostic.error("E0012", "cannot write results to " + reportDir + ": " + e.getMessage())
                        .hint("check that the directory is writable"), 1, e);
            }
        }
        return document.passed() ? 0 : 1;
    }

    private Emulator startEmulator(Plan plan, Emulator.RunFault fault, RunListener progress) {
        try {
            Emulator emulator = Emulator.start(0, Emulation.models(plan), fault, ws.console.redactor(),
                    line -> { if (ws.options.verbose) progress.log("    " + ws.console.style().dim("emulator: " + line)); });
            ws.console.err("  emulator at " + emulator.url() + (fault == null ? "" : " · injecting " + fault.fault().kind() + " into the first " + fault.count() + " request(s)"));
            return emulator;
        } catch (IOException e) {
            throw new ConformException(Diagnostic.error("E0014", "cannot start the emulator: " + e.getMessage()), 1, e);
        }
    }

    /** Installs what the plan's runtimes still lack; returns runtime → why its setup failed. */
    private Map<String, String> setUp(Plan plan, Path logDir) {
        Map<String, List<String>> pluginsByRuntime = new LinkedHashMap<>();
        Map<String, RuntimeConfig> runtimes = new LinkedHashMap<>();
        for (PlannedRun r : plan.runnable()) {
            pluginsByRuntime.computeIfAbsent(r.runtimeName(), k -> new ArrayList<>()).add(r.plugin());
            runtimes.put(r.runtimeName(), r.runtime());
        }
        Map<String, String> failures = new LinkedHashMap<>();
        pluginsByRuntime.forEach((name, plugins) ->
                RuntimeSetups.ensureQuietly(runtimes.get(name), plugins, ws.console, logDir).ifPresent(why -> failures.put(name, why)));
        return failures;
    }

    /** The runtimes' logs: under --report-dir when given, else a fresh temporary directory that is kept for post-mortems. */
    private Path logDirectory() {
        try {
            if (reportDir != null) return Files.createDirectories(reportDir.toAbsolutePath().resolve("logs"));
            return Files.createTempDirectory("conform-logs-");
        } catch (IOException e) {
            throw new ConformException(Diagnostic.error("E0012", "cannot create a log directory: " + e.getMessage())
                    .hint("pass --report-dir DIR with a writable DIR"), 1, e);
        }
    }
}
