package conform.runner;

import conform.config.TestId;
import conform.config.Transport;
import conform.plan.PlannedRun;
import conform.runtime.Launch;
import conform.runtime.SourceOverlay;
import conform.spec.Suite;
import conform.spec.TestCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs one plugin in one runtime and reports it, whichever runner gives the verdicts: what every runner shares is here
 * (a run's tests, skipped and interrupted runs, a run that fails before its tests, the listener's calls), and how the
 * tests run is the subclass's: conform's own engine ({@link PluginRunner}) or the canonical genkit CLI
 * ({@link CanonicalRunner}).
 */
abstract class RunEngine {

    final KnownFailures knownFailures;
    final RunListener listener;
    final RuntimeOptions options;
    final Interruption interruption;
    private final Runner runner;

    RunEngine(
            Runner runner,
            KnownFailures knownFailures,
            RuntimeOptions options,
            RunListener listener,
            Interruption interruption) {
        this.runner = runner;
        this.knownFailures = knownFailures;
        this.listener = listener;
        this.options = options;
        this.interruption = interruption;
    }

    RunResult execute(PlannedRun run) {
        long start = System.nanoTime();
        List<Job> jobs = jobs(run);
        if (!run.runnable()) return skipped(run, jobs, start);
        if (interruption.requested()) return interrupted(run, jobs, start, null);
        listener.runStarting(run.plugin(), run.runtimeName(), jobs.size());
        return runTests(run, jobs, start);
    }

    /** Starts what runs the tests, runs them, stops it whatever happens, and reports the run. */
    abstract RunResult runTests(PlannedRun run, List<Job> jobs, long start);

    /** A run that cannot start (its runtime's setup failed): every test errors with the reason. */
    RunResult errored(PlannedRun run, String reason) {
        if (interruption.requested()) return interrupted(run, jobs(run), System.nanoTime(), null);
        return failedBeforeTests(run, jobs(run), reason, System.nanoTime(), null, List.of());
    }

    RunResult failedBeforeTests(
            PlannedRun run, List<Job> jobs, String reason, long start, Path log, List<String> logTail) {
        List<TestResult> errors = jobs.stream()
                .map(j -> knownFailures.judge(new TestResult(j.id(), TestStatus.ERROR, 0, false, reason, null, null)))
                .toList();
        return withoutTests(run, RunStatus.ERROR, reason, errors, start, log, logTail);
    }

    /** A run that was stopped before it had its runtime: none of its tests has a verdict. */
    RunResult interrupted(PlannedRun run, List<Job> jobs, long start, Path log) {
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
        return finish(run, status, reason, tests, start, null, null, log, logTail, null);
    }

    /** The run's result, reported to the listener; {@code transport} null when no runtime was started. */
    RunResult finish(
            PlannedRun run,
            RunStatus status,
            String reason,
            List<TestResult> tests,
            long start,
            Long startupMs,
            Long testsMs,
            Path log,
            List<String> logTail,
            Transport transport) {
        RunResult result = new RunResult(
                run.plugin(),
                run.runtimeName(),
                status,
                reason,
                tests,
                elapsedMs(start),
                startupMs,
                testsMs,
                log,
                logTail,
                List.of(),
                runner,
                transport);
        listener.runFinished(result);
        return result;
    }

    /**
     * How to start {@code run}'s entry, its output going to {@code log}, spoken to through {@code transport}: start-up
     * waits for {@code models}, which the entry registers up front when {@code register} says so.
     */
    Launch launch(PlannedRun run, Set<String> models, boolean register, Transport transport, Path log) {
        return new Launch(
                SourceOverlay.command(run.runtime(), run.plugin()),
                run.runtime().cwd(),
                options.childEnv(),
                log,
                models,
                register,
                run.settings().startupTimeout(),
                run.settings().healthTimeout(),
                options.redactor(),
                transport);
    }

    /** The models {@code jobs} call, each once, in order. */
    static Set<String> models(List<Job> jobs) {
        Set<String> models = new LinkedHashSet<>();
        jobs.forEach(j -> models.add(j.id().model()));
        return models;
    }

    List<Job> jobs(PlannedRun run) {
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

    static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
