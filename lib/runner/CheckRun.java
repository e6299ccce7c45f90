package conform.runner;

import conform.config.ConformConfig;
import conform.config.Settings;
import conform.plan.Plan;
import conform.plan.PlannedRun;
import conform.validate.ValidatorRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Executes a {@link Plan}: each plugin run on a virtual thread, at most -j at once; results in plan order. */
public final class CheckRun {

    private final PluginRunner runner;
    private final int concurrency;

    /**
     * @param logDir   where each runtime's output goes ({@code <plugin>-<runtime>.log})
     * @param childEnv   variables added to every runtime's environment (never printed)
     * @param followLogs pass each runtime's log to {@link RunListener#log} as it arrives (-v)
     */
    public CheckRun(ConformConfig config, Settings cli, ValidatorRegistry validators, RunListener listener, Path logDir, Map<String, String> childEnv,
                    boolean followLogs) {
        this.runner = new PluginRunner(config, cli, validators, listener, logDir, childEnv, followLogs);
        this.concurrency = config.settingsFor(null, null, cli).concurrency();
    }

    /** Runs the plan; runs of a runtime named in {@code brokenRuntimes} (runtime → reason) error without starting. */
    public List<RunResult> execute(Plan plan, Map<String, String> brokenRuntimes) {
        Semaphore slots = new Semaphore(concurrency);
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
