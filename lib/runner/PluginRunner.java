package conform.runner;

import conform.plan.PlannedRun;
import conform.plan.ResolvedSettings;
import conform.runtime.Launch;
import conform.runtime.LogTail;
import conform.runtime.RuntimeSession;
import conform.runtime.RuntimeStartFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Runs one plugin in one runtime with conform's own engine: start its entry, run its tests ({@link TestRounds}), and stop the runtime whatever happens. */
final class PluginRunner extends RunEngine {

    private static final int LOG_TAIL_LINES = 25;
    private final TestRounds rounds;

    PluginRunner(
            ResponseCheck check,
            KnownFailures knownFailures,
            RuntimeOptions options,
            RunListener listener,
            Interruption interruption) {
        super(Runner.CONFORM, knownFailures, options, listener, interruption);
        this.rounds = new TestRounds(
                new TestExecutor(check, listener, interruption, options.mediaUrls()),
                knownFailures,
                listener,
                interruption);
    }

    @Override
    RunResult runTests(PlannedRun run, List<Job> jobs, long start) {
        String plugin = run.plugin();
        String runtime = run.runtimeName();
        ResolvedSettings settings = run.settings();
        Path log = options.logDir().resolve(plugin + "-" + runtime + ".log");
        // A run listed for the inventory starts as the inventory's runtimes do, its spec's models not registered up
        // front
        // (they are resolved on their first call), so what it lists when ready is what its plugin registers by itself.
        // Start-up still waits for them as in any run, so an entry that defines a model after Genkit() has started
        // answering gets the same verdicts with --report-dir as without.
        boolean listed = listed(run);
        Launch launch = launch(run, models(jobs), !listed, run.runtime().transport(), log);
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
        return finish(
                run, status, reason, results, start, session.startupMs(), testsMs, log, tail, session.transport());
    }

    /** A run that cannot start (its runtime's setup failed) cannot be listed either. */
    @Override
    RunResult errored(PlannedRun run, String reason) {
        if (!interruption.requested() && listed(run)) options.listings().failed(run, reason);
        return super.errored(run, reason);
    }

    /** Whether the model inventory is taken from {@code run} (check-model --report-dir). */
    private boolean listed(PlannedRun run) {
        return options.listings() != null && options.listings().wants(run);
    }
}
