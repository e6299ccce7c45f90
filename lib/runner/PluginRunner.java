package conform.runner;

import conform.config.TestId;
import conform.runtime.LogTail;
import conform.config.ConformConfig;
import conform.config.Settings;
import conform.plan.PlannedRun;
import conform.runtime.RuntimeSession;
import conform.runtime.RuntimeStartFailure;
import conform.spec.Suite;
import conform.spec.TestCase;
import conform.validate.ValidatorRegistry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one plugin in one runtime: start its entry, run every test of every model on virtual threads within the
 * test budget (-t for the plugin, and a model's own lower limit where it has one), re-run failures serially to
 * rule out flakes, and stop the runtime whatever happens.
 */
final class PluginRunner {

    private final ConformConfig config;
    private final Settings cli;
    private final TestExecutor executor;
    private final RunListener listener;
    private final Path logDir;
    private final Map<String, String> childEnv;
    private final KnownFailures knownFailures;
    private final boolean followLogs;

    PluginRunner(ConformConfig config, Settings cli, ValidatorRegistry validators, RunListener listener, Path logDir, Map<String, String> childEnv,
                 boolean followLogs) {
        this.config = config;
        this.cli = cli;
        this.executor = new TestExecutor(validators, listener);
        this.listener = listener;
        this.logDir = logDir;
        this.childEnv = childEnv;
        this.knownFailures = new KnownFailures(config);
        this.followLogs = followLogs;
    }

    /**
     * A test to run: where it is in the plan, and its settings.
     *
     * @param known recorded in [[conform.known-failures]]: one attempt tells whether it still fails, so no retries
     */
    private record Job(int index, Suite suite, TestCase test, Settings settings, boolean known, TestId id) {}

    RunResult execute(PlannedRun run) {
        long start = System.nanoTime();
        String plugin = run.plugin();
        String runtime = run.runtimeName();
        List<Job> jobs = jobs(run);
        if (!run.runnable()) return skipped(run, jobs, run.skipReason(), start);
        listener.runStarting(plugin, runtime, jobs.size());
        Settings runSettings = config.settingsFor(plugin, null, cli);
        Path log = logDir.resolve(plugin + "-" + runtime + ".log");
        Set<String> models = new LinkedHashSet<>();
        jobs.forEach(j -> models.add(j.suite().model()));
        RuntimeSession session;
        try {
            session = RuntimeSession.start(run.runtime().commandFor(plugin), run.runtime().cwd(), childEnv, log, models,
                    seconds(runSettings.startupTimeoutSeconds()), seconds(runSettings.healthTimeoutSeconds()),
                    note -> listener.note(plugin, runtime, note));
        } catch (RuntimeStartFailure e) {
            return failedBeforeTests(run, jobs, "runtime did not start: " + e.getMessage(), start, log, e.logTail());
        }
        try (session) {
            if (followLogs) session.follow(line -> listener.log("    " + plugin + " (" + runtime + ") | " + line));
            listener.runRunning(plugin, runtime, session.startupMs());
            long testsStart = System.nanoTime();
            List<TestResult> results = runAll(new RunContext(plugin, runtime, session), jobs, runSettings);
            long testsMs = elapsedMs(testsStart);
            RunStatus status = results.stream().allMatch(t -> t.status().acceptable()) ? RunStatus.PASSED : RunStatus.FAILED;
            String error = null;
            List<String> tail = List.of();
            if (!session.alive()) {
                status = RunStatus.ERROR;
                error = "the runtime exited during the run";
                tail = conform.runtime.LogTail.last(log, 25);
            }
            return finish(new RunResult(plugin, runtime, status, error, results, elapsedMs(start), session.startupMs(), testsMs, log, tail));
        }
    }

    /** A run that cannot start (its runtime's setup failed): every test errors with the reason. */
    RunResult errored(PlannedRun run, String reason) {
        return failedBeforeTests(run, jobs(run), reason, System.nanoTime(), null, List.of());
    }

    private RunResult failedBeforeTests(PlannedRun run, List<Job> jobs, String reason, long start, Path log, List<String> logTail) {
        List<TestResult> errors = jobs.stream().map(j -> knownFailures.judge(
                new TestResult(j.id(), TestStatus.ERROR, 0, false, reason, null, null))).toList();
        errors.forEach(listener::testFinished);
        return finish(new RunResult(run.plugin(), run.runtimeName(), RunStatus.ERROR, reason, errors, elapsedMs(start), null, null, log, logTail));
    }

    private List<Job> jobs(PlannedRun run) {
        List<Job> jobs = new ArrayList<>();
        if (run.spec() == null) return jobs;
        for (Suite suite : run.spec().suites()) {
            Settings settings = config.settingsFor(run.plugin(), suite.model(), cli);
            for (TestCase test : suite.tests()) {
                TestId id = new TestId(run.plugin(), run.runtimeName(), suite.model(), test.name());
                jobs.add(new Job(jobs.size(), suite, test, settings, config.knownFailure(id).isPresent(), id));
            }
        }
        return jobs;
    }

    /** Concurrent phase, then the serial re-run of what failed; results in spec order, each reported once. */
    private List<TestResult> runAll(RunContext ctx, List<Job> jobs, Settings runSettings) {
        java.util.Map<String, Semaphore> modelBudgets = new java.util.HashMap<>();
        for (Job job : jobs) {
            int limit = job.settings().testConcurrency();
            if (limit < runSettings.testConcurrency()) modelBudgets.putIfAbsent(job.suite().model(), new Semaphore(limit));
        }
        TestExecutor.Verdict[] verdicts = new TestExecutor.Verdict[jobs.size()];
        // -t worker virtual threads take tests in spec order; a model with a lower limit also holds its semaphore.
        AtomicInteger next = new AtomicInteger();
        int workers = Math.min(runSettings.testConcurrency(), jobs.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < jobs.size(); i = next.getAndIncrement()) {
                        Job job = jobs.get(i);
                        Semaphore modelBudget = modelBudgets.get(job.suite().model());
                        acquire(modelBudget);
                        try {
                            verdicts[i] = executor.run(ctx, job.suite().model(), job.test(), policy(job), timeout(job), 0, false);
                            if (!needsRerun(job, verdicts[i], runSettings, ctx)) listener.testFinished(knownFailures.judge(verdicts[i].result()));
                        } finally {
                            if (modelBudget != null) modelBudget.release();
                        }
                    }
                }));
            }
            for (Future<?> f : running) await(f);
        }
        List<Job> rerun = jobs.stream().filter(j -> needsRerun(j, verdicts[j.index()], runSettings, ctx)).toList();
        if (!rerun.isEmpty()) {
            listener.note(ctx.plugin(), ctx.runtime(), rerun.size() + " test(s) failed: re-running them one at a time to rule out flakes");
            for (Job job : rerun) {
                TestResult first = verdicts[job.index()].result();
                // One more call, alone: retries already covered transient errors; this rules out load from parallel tests.
                RetryPolicy once = RetryPolicy.of(0, 0);
                verdicts[job.index()] = executor.run(ctx, job.suite().model(), job.test(), once, timeout(job), first.attempts(), true);
                listener.testFinished(knownFailures.judge(verdicts[job.index()].result()));
            }
        }
        List<TestResult> results = new ArrayList<>();
        for (TestExecutor.Verdict v : verdicts) results.add(knownFailures.judge(v.result()));
        return results;
    }

    /** Failures get one more, serial, round when tests ran concurrently and retries are on (load may have caused them). */
    private static boolean needsRerun(Job job, TestExecutor.Verdict verdict, Settings runSettings, RunContext ctx) {
        return !verdict.result().passed() && verdict.retryable() && !job.known() && job.settings().maxRetries() > 0
                && Math.min(job.settings().testConcurrency(), runSettings.testConcurrency()) > 1 && ctx.runner().alive();
    }

    private static RetryPolicy policy(Job job) {
        return RetryPolicy.of(job.known() ? 0 : job.settings().maxRetries(), job.settings().retryBaseDelaySeconds());
    }

    private static Duration timeout(Job job) {
        return seconds(job.settings().actionTimeoutSeconds());
    }

    private RunResult skipped(PlannedRun run, List<Job> jobs, String reason, long start) {
        List<TestResult> tests = jobs.stream().map(j -> TestResult.skipped(j.id(), reason)).toList();
        tests.forEach(listener::testFinished);
        return finish(new RunResult(run.plugin(), run.runtimeName(), RunStatus.SKIPPED, reason, tests, elapsedMs(start), null, null, null, List.of()));
    }

    private RunResult finish(RunResult result) {
        listener.runFinished(result);
        return result;
    }

    private static void acquire(Semaphore s) {
        if (s == null) return;
        s.acquireUninterruptibly();
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a test thread failed", e.getCause());
        }
    }

    static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
