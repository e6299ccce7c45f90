package conform.runner;

import conform.config.KnownFailure;
import conform.plan.Plan;
import conform.runtime.Parallel;
import java.util.List;
import java.util.Map;

/** Executes a {@link Plan}: each plugin run on a virtual thread, at most -j at once; results in plan order. */
public final class PlanRunner {

    private final RunEngine runner;

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
        this.runner = new PluginRunner(check, new KnownFailures(knownFailures), options, listener, interruption);
    }

    /** Runs the plan; runs of a runtime named in {@code brokenRuntimes} (runtime → reason) error without starting. */
    public List<RunResult> execute(Plan plan, Map<String, String> brokenRuntimes) {
        return Parallel.map(
                plan.runs(),
                plan.concurrency(),
                run -> {
                    String broken = brokenRuntimes.get(run.runtimeName());
                    return broken != null && run.runnable() ? runner.errored(run, broken) : runner.execute(run);
                },
                "a plugin run");
    }
}
