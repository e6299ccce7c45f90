package conform.runner;

import conform.config.KnownFailure;
import conform.plan.Plan;
import conform.runtime.GenkitCli;
import conform.runtime.Parallel;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Executes a {@link Plan}: each plugin run on a virtual thread, at most -j at once, those of the runtimes slowest to
 * start first ({@link conform.config.RuntimeConfig#startRank}); results in plan order.
 */
public final class PlanRunner {

    private final RunEngine runner;
    private final int maxConcurrency;

    /**
     * conform's own engine, which judges answers with {@code check}.
     *
     * @param interruption once requested, no run starts and what has no verdict yet is reported as interrupted
     */
    public PlanRunner(
            ResponseCheck check,
            List<KnownFailure> knownFailures,
            RuntimeOptions options,
            RunListener listener,
            Interruption interruption) {
        this(
                new PluginRunner(check, new KnownFailures(knownFailures), options, listener, interruption),
                Integer.MAX_VALUE);
    }

    private PlanRunner(RunEngine runner, int maxConcurrency) {
        this.runner = runner;
        this.maxConcurrency = maxConcurrency;
    }

    /**
     * The canonical {@code genkit dev:test-model} as the runner, each run in a project root of its own, and no more at
     * once than the machine has cores: the CLI gives the runtime it starts a fixed 40 s to come up, which runtimes that
     * start at once on fewer cores (Python's take seconds of CPU each) overrun.
     */
    public static PlanRunner canonical(
            GenkitCli cli,
            List<KnownFailure> knownFailures,
            RuntimeOptions options,
            RunListener listener,
            Interruption interruption) {
        return new PlanRunner(
                new CanonicalRunner(cli, new KnownFailures(knownFailures), options, listener, interruption),
                CANONICAL_MAX_CONCURRENCY);
    }

    /** How many runs genkit dev:test-model is given at once: one per core. */
    public static final int CANONICAL_MAX_CONCURRENCY = Runtime.getRuntime().availableProcessors();

    /** Runs the plan; runs of a runtime named in {@code brokenRuntimes} (runtime → reason) error without starting. */
    public List<RunResult> execute(Plan plan, Map<String, String> brokenRuntimes) {
        return Parallel.map(
                plan.runs(),
                Math.min(plan.concurrency(), maxConcurrency),
                Comparator.comparingInt(run -> run.runnable() ? run.runtime().startRank() : -1),
                run -> {
                    String broken = brokenRuntimes.get(run.runtimeName());
                    return broken != null && run.runnable() ? runner.errored(run, broken) : runner.execute(run);
                },
                "a plugin run");
    }
}
