package conform.runner;

import conform.plan.ResolvedSettings;
import conform.runtime.ActionRunner;
import conform.runtime.CallGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tests of one plugin run against its runtime: a concurrent round within the test budget (-t for the run, and
 * a model's own lower limit where it has one), then a serial re-run of what failed, to rule out failures caused
 * by load. Each result is judged against the known failures and reported exactly once.
 */
final class TestRounds {

    private final TestExecutor executor;
    private final KnownFailures knownFailures;
    private final RunListener listener;
    private final Interruption interruption;

    TestRounds(TestExecutor executor, KnownFailures knownFailures, RunListener listener, Interruption interruption) {
        this.executor = executor;
        this.knownFailures = knownFailures;
        this.listener = listener;
        this.interruption = interruption;
    }

    /** Results in the jobs' order. */
    List<TestResult> run(ActionRunner runner, List<Job> jobs, ResolvedSettings runSettings) {
        TestExecutor.Verdict[] verdicts = concurrentRound(runner, jobs, runSettings);
        List<Job> rerun = jobs.stream()
                .filter(j -> needsRerun(j, verdicts[j.index()], runSettings, runner))
                .toList();
        if (!rerun.isEmpty()) {
            listener.note(
                    rerun.get(0).id().plugin(),
                    rerun.get(0).id().runtime(),
                    rerun.size() + " test(s) failed: re-running them one at a time to rule out flakes");
            for (Job job : rerun) {
                TestResult first = verdicts[job.index()].result();
                if (interruption.requested()) {
                    verdicts[job.index()] =
                            new TestExecutor.Verdict(TestExecutor.interrupted(job.id(), first.attempts()), false);
                    listener.testFinished(verdicts[job.index()].result());
                    continue;
                }
                // One more call, alone: retries already covered transient errors; this rules out load from parallel
                // tests.
                verdicts[job.index()] =
                        executor.run(
                                runner, job, RetryPolicy.of(0, Duration.ZERO), first.attempts(), true, CallGate.UNBOUNDED);
                listener.testFinished(knownFailures.judge(verdicts[job.index()].result()));
            }
        }
        List<TestResult> results = new ArrayList<>();
        for (TestExecutor.Verdict v : verdicts) results.add(knownFailures.judge(v.result()));
        return results;
    }

    /**
     * Worker virtual threads take tests in order, at most -t calls in flight, sent in spec order: one worker more than
     * that has the next test's request ready when a call's answer comes, and checks answers while the others' calls are
     * out. A model with a lower limit also holds its own semaphore for each of its tests, waiting for it outside that
     * order.
     */
    private TestExecutor.Verdict[] concurrentRound(ActionRunner runner, List<Job> jobs, ResolvedSettings runSettings) {
        Map<String, Semaphore> modelBudgets = new HashMap<>();
        for (Job job : jobs) {
            int limit = job.settings().testConcurrency();
            if (limit < runSettings.testConcurrency())
                modelBudgets.putIfAbsent(job.id().model(), new Semaphore(limit));
        }
        TestExecutor.Verdict[] verdicts = new TestExecutor.Verdict[jobs.size()];
        AtomicInteger next = new AtomicInteger();
        SpecOrder order = new SpecOrder(CallGate.bounded(runSettings.testConcurrency()));
        int workers = Math.min(runSettings.testConcurrency() + 1, jobs.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < jobs.size(); i = next.getAndIncrement()) {
                        Job job = jobs.get(i);
                        Semaphore modelBudget = modelBudgets.get(job.id().model());
                        if (modelBudget != null) {
                            order.over(i); // waiting for its model's own limit, it holds no later test back
                            modelBudget.acquireUninterruptibly();
                        }
                        try {
                            verdicts[i] = interruption.requested()
                                    ? new TestExecutor.Verdict(TestExecutor.interrupted(job.id(), 0), false)
                                    : executor.run(runner, job, job.retryPolicy(), 0, false, order.turnOf(i));
                            if (!needsRerun(job, verdicts[i], runSettings, runner))
                                listener.testFinished(knownFailures.judge(verdicts[i].result()));
                        } finally {
                            order.over(i);
                            if (modelBudget != null) modelBudget.release();
                        }
                    }
                }));
            }
            for (Future<?> f : running) await(f);
        }
        return verdicts;
    }

    /** Failures get one more, serial, round when tests ran concurrently and retries are on (load may have caused them). */
    private static boolean needsRerun(
            Job job, TestExecutor.Verdict verdict, ResolvedSettings runSettings, ActionRunner runner) {
        return !verdict.result().passed()
                && verdict.retryable()
                && !job.known()
                && job.settings().maxRetries() > 0
                && Math.min(job.settings().testConcurrency(), runSettings.testConcurrency()) > 1
                && runner.alive();
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a test thread failed", e.getCause());
        }
    }
}
