package conform.runner;

import conform.config.KnownFailure;
import conform.plan.Plan;
import conform.plan.PlannedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Executes a {@link Plan}: each plugin run on a virtual thread, at most -j at once; results in plan order. */
public final class PlanRunner {

    private final PluginRunner runner;

    /** @param interruption once requested, no run starts and what has no verdict yet is reported as interrupted */
    public PlanRunner(
            ResponseCheck check,
            List<KnownFailure> knownFailures,
            RuntimeOptions options,
            RunListener listener,
            Interruption interruption) {
        this.runner = new PluginRunner(check, new KnownFailures(knownFailures), options, listener, interruption);
    }

    /** Runs the plan; runs of a runtime named in {@code brokenRuntimes} (runtime → reason) error without starting. */
    public List<RunResult> execute(Plan plan, Map<String, String> brokenRuntimes) {
        Semaphore slots = new Semaphore(plan.concurrency());
        List<Future<RunResult>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (PlannedRun run : plan.runs()) {
                futures.add(threads.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        String broken = brokenRuntimes.get(run.runtimeName());
                        return broken != null && run.runnable() ? runner.errored(run, broken) : runner.execute(run);
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<RunResult> results = new ArrayList<>();
            for (Future<RunResult> f : futures) results.add(get(f));
            return results;
        }
    }

    private static RunResult get(Future<RunResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a plugin run failed unexpectedly", e.getCause());
        }
    }
}
