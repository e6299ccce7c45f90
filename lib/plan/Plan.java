package conform.plan;

import conform.diag.Diagnostic;

import java.util.List;

/** The runs a check-model invocation will make, plugins × runtimes, each with its models and tests. */
public record Plan(List<PlannedRun> runs, List<Diagnostic> warnings) {

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
