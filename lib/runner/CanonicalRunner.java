package conform.runner;

import conform.config.Transport;
import conform.diag.ConformException;
import conform.plan.PlannedRun;
import conform.runtime.GenkitCli;
import conform.runtime.LogTail;
import conform.runtime.ReflectionClient;
import conform.spec.CanonicalSpec;
import conform.spec.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one plugin in one runtime with the canonical {@code genkit dev:test-model} as the runner: conform writes the
 * run's tests as a spec the CLI reads, starts the CLI with the runtime's entry as its command, and reports the CLI's
 * verdicts, test by test as they come, in conform's terms ({@link CanonicalVerdict}). Known failures judge them as
 * they judge conform's own. A CLI that fails before its tests (not installed, crashed, its runtime never found, or
 * still starting at the startup timeout) makes an error run with the end of its output, never a silent pass.
 */
final class CanonicalRunner extends RunEngine {

    private static final int LOG_TAIL_LINES = 25;
    private static final int ATTEMPTS = 3;
    private static final String TOOL = "genkit dev:test-model";

    private final GenkitCli cli;

    CanonicalRunner(
            GenkitCli cli,
            KnownFailures knownFailures,
            RuntimeOptions options,
            RunListener listener,
            Interruption interruption) {
        super(Runner.CLI, knownFailures, options, listener, interruption);
        this.cli = cli;
    }

    @Override
    RunResult runTests(PlannedRun run, List<Job> jobs, long start) {
        String plugin = run.plugin();
        String runtime = run.runtimeName();
        String base = plugin + "-" + runtime;
        Path cliLog = options.logDir().resolve(base + ".cli.log");
        Path runtimeLog = options.logDir().resolve(base + ".cli-runtime.log");
        Path spec = options.logDir().resolve(base + ".cli-spec.json");
        String problem = cli.problem();
        if (problem != null)
            return failedBeforeTests(
                    run,
                    jobs,
                    TOOL + " cannot run: " + problem + " (`conform setup` installs it)",
                    start,
                    null,
                    List.of());
        try {
            Files.writeString(spec, CanonicalSpec.render(run.spec()));
        } catch (IOException | ConformException e) {
            return failedBeforeTests(
                    run, jobs, "cannot write the spec for " + TOOL + ": " + e.getMessage(), start, null, List.of());
        }
        TestResult[] reported = new TestResult[jobs.size()];
        for (int attempt = 1; ; attempt++) {
            long runtimeLogFrom = runtimeLog.toFile().length();
            CanonicalAttempt cliRun = new CanonicalAttempt(run, jobs, interruption);
            CanonicalAttempt.Outcome outcome;
            try {
                outcome = cliRun.run(
                        cli,
                        spec,
                        launch(run, models(jobs), true, Transport.V1, runtimeLog),
                        cliLog,
                        job -> {
                            // An error whose message the CLI lost waits for the end of the attempt and its traces.
                            CanonicalVerdict verdict = cliRun.verdict(job);
                            if (!verdict.messageLost()) report(reported, job, judged(job, verdict));
                        },
                        line -> {
                            if (options.followLogs())
                                listener.log("    " + plugin + " (" + runtime + ", " + TOOL + ") | " + line);
                        },
                        startupMs -> listener.runRunning(plugin, runtime, startupMs));
            } catch (IOException e) {
                return failedBeforeTests(
                        run, jobs, "cannot start " + TOOL + ": " + e.getMessage(), start, cliLog, List.of());
            }
            String again = retryReason(outcome, runtimeLog, runtimeLogFrom);
            if (again != null && attempt < ATTEMPTS) {
                listener.note(plugin, runtime, again + "; starting " + TOOL + " again");
                continue;
            }
            return finish(run, jobs, outcome, cliRun, reported, start, cliLog, runtimeLog);
        }
    }

    private RunResult finish(
            PlannedRun run,
            List<Job> jobs,
            CanonicalAttempt.Outcome outcome,
            CanonicalAttempt cliRun,
            TestResult[] reported,
            long start,
            Path cliLog,
            Path runtimeLog) {
        String failure = failure(run, jobs, outcome, runtimeLog);
        List<TestResult> results = new ArrayList<>();
        for (Job job : jobs) {
            TestResult r;
            synchronized (reported) {
                r = reported[job.index()];
            }
            CanonicalVerdict held = outcome.verdicts().get(job.index());
            if (r == null && held != null) r = report(reported, job, judged(job, held));
            if (r == null)
                r = report(reported, job, knownFailures.judge(withoutVerdict(run, job, outcome, cliRun, failure)));
            results.add(r);
        }
        RunStatus status = RunStatus.of(results);
        String reason = null;
        List<String> tail = List.of();
        if (outcome.end() == CanonicalAttempt.End.INTERRUPTED) {
            status = RunStatus.INTERRUPTED;
            reason = "stopped by " + interruption.cause();
        } else if (failure != null) {
            status = RunStatus.ERROR;
            reason = failure;
            tail = tail(cliLog, runtimeLog);
        }
        // The CLI is a reflection v1 manager: whatever the runtime's transport, the runtime it starts serves v1.
        return finish(
                run,
                status,
                reason,
                results,
                start,
                outcome.startupMs(),
                outcome.testsMs(),
                cliLog,
                tail,
                Transport.V1);
    }

    /**
     * Why an attempt that gave no verdict is worth another, or null: a race the runner lost, not the plugin's doing.
     * JS runtimes pick their reflection port by checking, then binding, so two starting at once can choose the same;
     * and the CLI can miss the runtime file of a runtime that starts as fast as Go's.
     */
    private static String retryReason(CanonicalAttempt.Outcome outcome, Path runtimeLog, long runtimeLogFrom) {
        if (!outcome.verdicts().isEmpty() || outcome.end() == CanonicalAttempt.End.INTERRUPTED) return null;
        if (LogTail.since(runtimeLog, runtimeLogFrom).contains("EADDRINUSE"))
            return "its runtime lost a race for its reflection port";
        if (outcome.end() == CanonicalAttempt.End.NO_RUNTIME && outcome.runtimeUp())
            return TOOL + " missed the runtime it started";
        return null;
    }

    /** Why the run as a whole failed, or null when the CLI gave its verdicts (some may have timed out). */
    private static String failure(PlannedRun run, List<Job> jobs, CanonicalAttempt.Outcome outcome, Path runtimeLog) {
        return switch (outcome.end()) {
            case INTERRUPTED, SUITE_TIMEOUT -> null;
            // Never a run of tests "without a verdict" that reads like the plugin's failure: the CLI itself failed.
            case COMPLETED ->
                outcome.verdicts().isEmpty() && !jobs.isEmpty()
                        ? TOOL + " finished without a verdict for any test (see its output below)"
                        : null;
            case EXITED -> TOOL + " exited with code " + outcome.exitCode().orElse(-1) + " before it finished";
            case STARTUP_TIMEOUT ->
                "no test started within the startup timeout ("
                        + ReflectionClient.seconds(run.settings().startupTimeout()) + "): see " + runtimeLog;
            case NO_RUNTIME ->
                outcome.runtimeUp()
                        ? TOOL + " did not find the runtime it started, which was up (see " + runtimeLog + ")"
                        : TOOL + " started its tests without a runtime: it waits 10 s for one to appear and 30 s for"
                                + " its models, whatever the startup timeout, and this one was slower (run fewer at"
                                + " once with -j, or see " + runtimeLog + ")";
        };
    }

    /** A test the CLI gave no verdict for: it timed out, conform was stopped, or the CLI failed or gave up before it. */
    private static TestResult withoutVerdict(
            PlannedRun run, Job job, CanonicalAttempt.Outcome outcome, CanonicalAttempt cliRun, String failure) {
        if (outcome.end() == CanonicalAttempt.End.INTERRUPTED) return TestExecutor.interrupted(job.id(), 0);
        List<Suite> suites = run.spec().suites();
        int suite = 0;
        while (!suites.get(suite).model().equals(job.id().model())) suite++;
        TestStatus status = TestStatus.ERROR;
        String message = failure != null ? failure : TOOL + " gave no verdict for this test";
        if (outcome.end() == CanonicalAttempt.End.SUITE_TIMEOUT && suite == outcome.suite()) {
            status = TestStatus.TIMEOUT;
            message = "no verdict from " + TOOL + " within "
                    + ReflectionClient.seconds(cliRun.suiteLimit(suites.get(suite)))
                    + " (its model's action timeout: the CLI runs a suite's tests at once)";
        } else if (outcome.end() == CanonicalAttempt.End.SUITE_TIMEOUT && suite > outcome.suite()) {
            message = "not run: " + TOOL + " was stopped when the suite of "
                    + suites.get(outcome.suite()).model() + " timed out";
        }
        return new TestResult(job.id(), status, 0, false, message, null, null);
    }

    private TestResult judged(Job job, CanonicalVerdict verdict) {
        TestResult r = new TestResult(job.id(), verdict.status(), 1, false, verdict.error(), null, null);
        return verdict.messageLost() ? knownFailures.judgeWithoutMessage(r) : knownFailures.judge(r);
    }

    /** Records and reports a test's result, once. */
    private TestResult report(TestResult[] reported, Job job, TestResult result) {
        synchronized (reported) {
            reported[job.index()] = result;
        }
        listener.testFinished(result);
        return result;
    }

    /** The end of the CLI's output, and of its runtime's when it wrote anything. */
    private static List<String> tail(Path cliLog, Path runtimeLog) {
        List<String> tail = new ArrayList<>(LogTail.last(cliLog, LOG_TAIL_LINES));
        List<String> runtime = LogTail.last(runtimeLog, LOG_TAIL_LINES);
        if (!runtime.isEmpty()) {
            tail.add("── the end of its runtime's log, " + runtimeLog + ":");
            tail.addAll(runtime);
        }
        return tail;
    }
}
