package conform.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import conform.runner.RunResult;
import conform.runner.TestResult;
import conform.runner.VerdictComparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * results.json: the canonical record of a run, which every report is rendered from. Each plugin run is listed with
 * its counts under {@code runs}, and every test once under {@code results}; reading regroups the tests by run.
 *
 * @param schema    the file format's version; files written before it was recorded are version 1
 * @param startedAt  when the run started (ISO-8601)
 * @param comparison conform's verdicts next to genkit dev:test-model's (--runner both), or null
 */
@JsonIgnoreProperties(
        value = {"tests", "totals"},
        allowGetters = true)
@JsonPropertyOrder({"schema", "conform", "started_at", "wall_ms", "tests", "totals", "runs", "results", "comparison"})
public record ResultsDocument(
        int schema,
        String conform,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("wall_ms") long wallMs,
        List<RunResult> runs,
        @JsonInclude(JsonInclude.Include.NON_NULL) VerdictComparison comparison) {

    /**
     * 2: the statuses `interrupted` (tests and runs) and `xfail` (runs); 3: each run's local `sources`; 4: each run's
     * `runner`, and `comparison`; 5: each run's `transport`.
     */
    public static final int SCHEMA = 5;

    public static ResultsDocument of(List<RunResult> runs, String startedAt, long wallMs, String version) {
        return new ResultsDocument(SCHEMA, version, startedAt, wallMs, List.copyOf(runs), null);
    }

    /** The same document with the verdict comparison of --runner both. */
    public ResultsDocument withComparison(VerdictComparison verdicts) {
        return new ResultsDocument(schema, conform, startedAt, wallMs, runs, verdicts);
    }

    @JsonCreator
    static ResultsDocument read(
            @JsonProperty("schema") Integer schema,
            @JsonProperty("conform") String conform,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("wall_ms") long wallMs,
            @JsonProperty(value = "runs", required = true) List<RunResult> runs,
            @JsonProperty(value = "results", required = true) List<TestResult> results,
            @JsonProperty("comparison") VerdictComparison comparison) {
        Map<String, List<TestResult>> byRun = new LinkedHashMap<>();
        for (RunResult run : runs) byRun.put(runKey(run.plugin(), run.runtime()), new ArrayList<>());
        for (TestResult t : results) {
            List<TestResult> tests = byRun.get(runKey(t.plugin(), t.runtime()));
            if (tests == null)
                throw new IllegalArgumentException("the result for " + t.id() + " belongs to no run in `runs`");
            tests.add(t);
        }
        List<RunResult> grouped = runs.stream()
                .map(r -> r.withTests(byRun.get(runKey(r.plugin(), r.runtime()))))
                .toList();
        return new ResultsDocument(schema == null ? 1 : schema, conform, startedAt, wallMs, grouped, comparison);
    }

    private static String runKey(String plugin, String runtime) {
        return plugin + "\u0000" + runtime;
    }

    @JsonProperty("tests")
    public int testCount() {
        return runs.stream().mapToInt(RunResult::testCount).sum();
    }

    @JsonProperty("totals")
    public Map<String, Long> totals() {
        return RunResult.countsOf(results());
    }

    /** Every test of every run, in run order. */
    @JsonProperty("results")
    public List<TestResult> results() {
        return runs.stream().flatMap(r -> r.tests().stream()).toList();
    }

    /**
     * Whether the run this records passed: every plugin run's verdict is acceptable, and under --runner both every
     * disagreement with genkit dev:test-model is explained by a documented choice.
     */
    public boolean passed() {
        return runs.stream().allMatch(r -> r.status().acceptable())
                && (comparison == null || comparison.unexplained() == 0);
    }

    /** The tests whose verdict fails the run. */
    public List<TestResult> failures() {
        return results().stream().filter(t -> !t.status().acceptable()).toList();
    }

    /**
     * This document with {@code rerun}'s verdicts in place of its own for the same tests (--rerun-failed into the
     * directory it read): each rerun run replaces its run's timings and, unless it errored or was interrupted, its
     * status is judged again over the merged tests; the runs and tests the rerun did not touch stay as they were.
     */
    public ResultsDocument merge(ResultsDocument rerun) {
        Map<String, RunResult> newer = new LinkedHashMap<>();
        rerun.runs().forEach(r -> newer.put(runKey(r.plugin(), r.runtime()), r));
        List<RunResult> merged = new ArrayList<>();
        for (RunResult old : runs) {
            RunResult fresh = newer.remove(runKey(old.plugin(), old.runtime()));
            merged.add(fresh == null ? old : old.mergedWith(fresh));
        }
        merged.addAll(newer.values());
        return new ResultsDocument(
                SCHEMA, rerun.conform(), rerun.startedAt(), rerun.wallMs(), List.copyOf(merged), rerun.comparison());
    }

    /** The same document with every text a runtime or provider wrote passed through {@code edit} (redaction). */
    public ResultsDocument mapText(UnaryOperator<String> edit) {
        return new ResultsDocument(
                schema,
                conform,
                startedAt,
                wallMs,
                runs.stream().map(r -> r.mapText(edit)).toList(),
                comparison == null ? null : comparison.mapText(edit));
    }
}
