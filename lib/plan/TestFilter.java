package conform.plan;

import conform.config.Glob;
import conform.config.TestId;
import conform.spec.PluginSpec;
import conform.spec.Suite;
import conform.spec.TestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Narrows a plan to some tests: {@code --model} and {@code --test} globs (any of each may match), and for
 * {@code --rerun-failed} the exact tests that did not pass in an earlier results.json.
 *
 * @param only the tests to keep, or null for no such restriction
 */
public record TestFilter(List<String> models, List<String> tests, Set<TestId> only) {

    public boolean isEmpty() {
        return models.isEmpty() && tests.isEmpty() && only == null;
    }

    boolean keeps(TestId id) {
        return (models.isEmpty() || models.stream().anyMatch(g -> Glob.matches(g, id.model())))
                && (tests.isEmpty() || tests.stream().anyMatch(g -> Glob.matches(g, id.test())))
                && (only == null || only.contains(id));
    }

    /** The plan with only the kept tests; runs left without tests are dropped. */
    public Plan apply(Plan plan) {
        if (isEmpty()) return plan;
        List<PlannedRun> runs = new ArrayList<>();
        for (PlannedRun run : plan.runs()) {
            if (run.spec() == null) continue;
            List<Suite> suites = new ArrayList<>();
            for (Suite suite : run.spec().suites()) {
                List<TestCase> kept = suite.tests().stream()
                        .filter(t -> keeps(new TestId(run.plugin(), run.runtimeName(), suite.model(), t.name())))
                        .toList();
                if (!kept.isEmpty()) suites.add(new Suite(suite.model(), kept, suite.location()));
            }
            if (suites.isEmpty()) continue;
            runs.add(run.withSpec(new PluginSpec(
                    run.spec().plugin(),
                    run.spec().file(),
                    List.copyOf(suites),
                    run.spec().warnings())));
        }
        return plan.withRuns(runs);
    }
}
