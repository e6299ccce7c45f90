package conform.plan;

import conform.diag.Diagnostic;
import java.util.List;

/**
 * The runs a check-model invocation will make, plugins × runtimes, each with its models, tests and settings.
 *
 * @param concurrency plugin runs at once (-j)
 */
public record Plan(List<PlannedRun> runs, List<Diagnostic> warnings, int concurrency) {

    /** The same plan with other runs (narrowed by a filter, or skipped where the emulator cannot serve them). */
    public Plan withRuns(List<PlannedRun> newRuns) {
        return new Plan(List.copyOf(newRuns), warnings, concurrency);
    }

    public List<PlannedRun> runnable() {
        return runs.stream().filter(PlannedRun::runnable).toList();
    }

    public long pluginCount() {
        return runs.stream().map(PlannedRun::plugin).distinct().count();
    }

    public long runtimeCount() {
        return runs.stream().map(PlannedRun::runtimeName).distinct().count();
    }

    public long modelCount() {
        return runnable().stream().mapToLong(r -> r.spec().suites().size()).sum();
    }

    public long testCount() {
        return runnable().stream().mapToLong(PlannedRun::testCount).sum();
    }

    public long skippedCount() {
        return runs.size() - runnable().size();
    }
}
