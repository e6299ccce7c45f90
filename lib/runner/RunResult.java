package conform.runner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import conform.config.TestId;
import conform.config.Transport;
import conform.runtime.SourceRevision;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One plugin in one runtime, after the run; also its summary in results.json, where its tests are listed apart
 * (under {@code results}) and only counted here.
 *
 * @param reason    why it errored or was skipped, else null
 * @param startupMs from starting the entry until its models were ready, or null when it did not start
 * @param testsMs   from the first test's start until the last test's result, or null when no test ran
 * @param logTail   the end of the runtime's log when it failed to start or died, else empty
 * @param sources   the local sources the run's runtime used instead of published packages; empty: none
 * @param runner    what ran the tests (conform's own engine unless --runner says otherwise)
 * @param transport the reflection API the runtime was spoken to through (v1 or v2; always v1 under the genkit
 *                  CLI, a v1 manager), or null when no runtime was started
 */
@JsonIgnoreProperties(
        value = {"tests", "counts"},
        allowGetters = true)
@JsonPropertyOrder({
    "plugin",
    "runtime",
    "runner",
    "transport",
    "status",
    "reason",
    "sources",
    "tests",
    "counts",
    "elapsed_ms",
    "startup_ms",
    "tests_ms",
    "log",
    "log_tail"
})
public record RunResult(
        @JsonProperty(required = true) String plugin,
        @JsonProperty(required = true) String runtime,
        @JsonProperty(required = true) RunStatus status,
        String reason,
        @JsonIgnore List<TestResult> tests,
        @JsonProperty("elapsed_ms") long elapsedMs,
        @JsonProperty("startup_ms") Long startupMs,
        @JsonProperty("tests_ms") Long testsMs,
        @JsonSerialize(using = ToStringSerializer.class) Path log,
        @JsonProperty("log_tail") List<String> logTail,
        List<SourceRevision> sources,
        Runner runner,
        Transport transport) {

    /**
     * results.json lists a run's tests apart, and may leave out an empty log tail; a file older than schema 3 has no
     * sources, one older than schema 4 no runner (its runs were conform's own), one older than schema 5 no transport
     * (unknown): all read as empty, conform, or null here.
     */
    public RunResult {
        tests = tests == null ? List.of() : tests;
        logTail = logTail == null ? List.of() : logTail;
        sources = sources == null ? List.of() : sources;
        runner = runner == null ? Runner.CONFORM : runner;
    }

    /**
     * A run of conform's own engine, of published packages only, or one whose sources are added later
     * ({@link #withSources}), whose runtime never started (no transport was chosen).
     */
    public RunResult(
            String plugin,
            String runtime,
            RunStatus status,
            String reason,
            List<TestResult> tests,
            long elapsedMs,
            Long startupMs,
            Long testsMs,
            Path log,
            List<String> logTail) {
        this(
                plugin,
                runtime,
                status,
                reason,
                tests,
                elapsedMs,
                startupMs,
                testsMs,
                log,
                logTail,
                List.of(),
                Runner.CONFORM,
                null);
    }

    /** This run with {@code rerun}'s verdicts in place of its own for the same tests, and the rerun's timings. */
    public RunResult mergedWith(RunResult rerun) {
        Map<TestId, TestResult> byId = new LinkedHashMap<>();
        tests.forEach(t -> byId.put(t.id(), t));
        rerun.tests().forEach(t -> byId.put(t.id(), t));
        List<TestResult> merged = List.copyOf(byId.values());
        boolean judged = rerun.status() != RunStatus.ERROR && rerun.status() != RunStatus.INTERRUPTED;
        return new RunResult(
                plugin,
                runtime,
                judged ? RunStatus.of(merged) : rerun.status(),
                rerun.reason(),
                merged,
                rerun.elapsedMs(),
                rerun.startupMs(),
                rerun.testsMs(),
                rerun.log(),
                rerun.logTail(),
                rerun.sources(),
                rerun.runner(),
                rerun.transport());
    }

    public RunResult withTests(List<TestResult> newTests) {
        return new RunResult(
                plugin,
                runtime,
                status,
                reason,
                List.copyOf(newTests),
                elapsedMs,
                startupMs,
                testsMs,
                log,
                logTail,
                sources,
                runner,
                transport);
    }

    public RunResult withSources(List<SourceRevision> newSources) {
        return new RunResult(
                plugin,
                runtime,
                status,
                reason,
                tests,
                elapsedMs,
                startupMs,
                testsMs,
                log,
                logTail,
                List.copyOf(newSources),
                runner,
                transport);
    }

    /** The same run with every text a runtime or provider wrote (reason, log tail, test errors) passed through {@code edit}. */
    public RunResult mapText(UnaryOperator<String> edit) {
        return new RunResult(
                plugin,
                runtime,
                status,
                edit.apply(reason),
                tests.stream().map(t -> t.mapText(edit)).toList(),
                elapsedMs,
                startupMs,
                testsMs,
                log,
                logTail.stream().map(edit).toList(),
                sources,
                runner,
                transport);
    }

    @JsonProperty("tests")
    public int testCount() {
        return tests.size();
    }

    @JsonProperty("counts")
    public Map<String, Long> counts() {
        return countsOf(tests);
    }

    public long count(TestStatus status) {
        return tests.stream().filter(t -> t.status() == status).count();
    }

    public long flakyCount() {
        return tests.stream().filter(TestResult::flaky).count();
    }

    /** Tests per status label, then {@code flaky}: the shape of results.json's {@code counts} and {@code totals}. */
    public static Map<String, Long> countsOf(Collection<TestResult> tests) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (TestStatus s : TestStatus.values())
            counts.put(s.label(), tests.stream().filter(t -> t.status() == s).count());
        counts.put("flaky", tests.stream().filter(TestResult::flaky).count());
        return counts;
    }
}
