package conform.runner;

import conform.config.TestId;
import conform.plan.PlannedRun;
import conform.plan.ResolvedSettings;
import conform.runtime.Launch;
import conform.runtime.LogTail;
import conform.runtime.RuntimeSession;
import conform.runtime.RuntimeStartFailure;
import conform.runtime.SourceOverlay;
import conform.spec.Suite;
import conform.spec.TestCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Runs one plugin in one runtime: start its entry, run its tests ({@link TestRounds}), and stop the runtime whatever happens. */
final class PluginRunner {

    private static final int LOG_TAIL_LINES = 25;
    private final TestRounds rounds;
    private final KnownFailures knownFailures;
    private final RunListener listener;
    private final RuntimeOptions options;
    private final Interruption interruption;

    PluginRunner(
            ResponseCheck check,
            KnownFailures knownFailures,
            RuntimeOptions options,
            RunListener listener,
            Interruption interruption) {
        this.rounds = new TestRounds(
                new TestExecutor(check, listener, interruption, options.mediaUrls()),
                knownFailures,
                listener,
                interruption);
        this.knownFailures = knownFailures;
        this.listener = listener;
        this.options = options;
        this.interruption = interruption;
    }

    RunResult execute(PlannedRun run) {
        long start = System.nanoTime();
        String plugin = run.plugin();
        String runtime = run.runtimeName();
        List<Job> jobs = jobs(run);
        if (!run.runnable()) return skipped(run, jobs, start);
        if (interruption.requested()) return interrupted(run, jobs, start, null);
        listener.runStarting(plugin, runtime, jobs.size());
        ResolvedSettings settings = run.settings();
        Path log = options.logDir().resolve(plugin + "-" + runtime + ".log");
        // A run listed for the inventory starts as the inventory's runtimes do: its spec's models are resolved on their
        // first call, so what it lists when ready is what its plugin registers by itself.
        boolean listed = options.listings() != null && options.listings().wants(run);
        Set<String> models = new LinkedHashSet<>();
        if (!listed) jobs.forEach(j -> models.add(j.id().model()));
        Launch launch = new Launch(
                SourceOverlay.command(run.runtime(), plugin),
                run.runtime().cwd(),
                options.childEnv(),
                log,
                models,
                settings.startupTimeout(),
                settings.healthTimeout(),
                options.redactor(),
                run.runtime().transport());
        RuntimeSession session;
        try {
            session = RuntimeSession.start(launch, note -> listener.note(plugin, runtime, note));
        } catch (RuntimeStartFailure e) {
            if (interruption.requested()) return interrupted(run, jobs, start, log);
            String reason = "runtime did not start: " + e.getMessage();
            if (listed) options.listings().failed(run, reason);
            return failedBeforeTests(run, jobs, reason, start, log, e.logTail());
        }
        List<TestResult> results;
        Optional<String> died;
        long testsMs;
        try (session) {
            if (options.followLogs())
                session.follow(line -> listener.log("    " + plugin + " (" + runtime + ") | " + line));
            listener.runRunning(plugin, runtime, session.startupMs());
            long testsStart = System.nanoTime();
            results = rounds.run(session, jobs, settings);
            testsMs = elapsedMs(testsStart);
            if (listed && !interruption.requested()) options.listings().take(run, session);
            died = session.exit();
        }
        RunStatus status = RunStatus.of(results);
        String reason = null;
        List<String> tail = List.of();
        if (results.stream().anyMatch(t -> t.status() == TestStatus.INTERRUPTED)) {
            status = RunStatus.INTERRUPTED;
            reason = "stopped by " + interruption.cause();
        } else if (died.isPresent()) {
            status = RunStatus.ERROR;
            reason = died.get() + " during the run";
            tail = LogTail.last(log, LOG_TAIL_LINES); // read once the session is closed: all it wrote is in the log
        }
        return finish(new RunResult(
                plugin,
                runtime,
                status,
                reason,
                results,
                elapsedMs(start),
                session.startupMs(),
                testsMs,
                log,
                tail,
                List.of(),
                session.transport()));
    }

    /** A run that cannot start (its runtime's setup failed): every test errors with the reason. */
    RunResult errored(PlannedRun run, String reason) {
        if (interruption.requested()) return interrupted(run, jobs(run), System.nanoTime(), null);
        if (options.listings() != null && options.listings().wants(run))
            options.listings().failed(run, reason);
        return failedBeforeTests(run, jobs(run), reason, System.nanoTime(), null, List.of());
    }

    private RunResult failedBeforeTests(
            PlannedRun run, List<Job> jobs, String reason, long start, Path log, List<String> logTail) {
        List<TestResult> errors = jobs.stream()
                .map(j -> knownFailures.judge(new TestResult(j.id(), TestStatus.ERROR, 0, false, reason, null, null)))
                .toList();
        return withoutTests(run, RunStatus.ERROR, reason, errors, start, log, logTail);
    }

    /** A run that was stopped before it had its runtime: none of its tests has a verdict. */
    private RunResult interrupted(PlannedRun run, List<Job> jobs, long start, Path log) {
        List<TestResult> tests =
                jobs.stream().map(j -> TestExecutor.interrupted(j.id(), 0)).toList();
        return withoutTests(
                run, RunStatus.INTERRUPTED, "stopped by " + interruption.cause(), tests, start, log, List.of());
    }

    private RunResult skipped(PlannedRun run, List<Job> jobs, long start) {
        List<TestResult> skips = jobs.stream()
                .map(j -> TestResult.skipped(j.id(), run.skipReason()))
                .toList();
        return withoutTests(run, RunStatus.SKIPPED, run.skipReason(), skips, start, null, List.of());
    }

    /** A run whose tests never reached a runtime: each test's verdict is reported, then the run's. */
    private RunResult withoutTests(
            PlannedRun run,
            RunStatus status,
            String reason,
            List<TestResult> tests,
            long start,
            Path log,
            List<String> logTail) {
        tests.forEach(listener::testFinished);
        return finish(new RunResult(
                run.plugin(), run.runtimeName(), status, reason, tests, elapsedMs(start), null, null, log, logTail));
    }

    private List<Job> jobs(PlannedRun run) {
        List<Job> jobs = new ArrayList<>();
        if (run.spec() == null) return jobs;
        for (Suite suite : run.spec().suites()) {
            for (TestCase test : suite.tests()) {
                TestId id = new TestId(run.plugin(), run.runtimeName(), suite.model(), test.name());
                jobs.add(new Job(
                        jobs.size(),
                        id,
                        test,
                        run.settingsFor(suite.model()),
                        knownFailures.recordFor(id).isPresent()));
            }
        }
        return jobs;
    }

    private RunResult finish(RunResult result) {
        listener.runFinished(result);
        return result;
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
