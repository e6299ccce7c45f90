package conform.runner;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import conform.config.TestId;
import conform.plan.Plan;
import conform.plan.PlannedRun;
import conform.spec.Suite;
import conform.spec.TestCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * conform's verdicts next to genkit dev:test-model's on the same tests (--runner both): every test where one runner
 * passed and the other did not, each labelled with the documented choice that explains it, or unexplained. A test
 * one of them gave no verdict for (skipped, interrupted) is not compared.
 *
 * @param compared      the tests both runners gave a verdict for
 * @param disagreements those where one passed and the other did not
 */
@JsonIgnoreProperties(value = "unexplained", allowGetters = true)
@JsonPropertyOrder({"runner", "compared", "unexplained", "disagreements"})
public record VerdictComparison(Runner runner, int compared, List<Disagreement> disagreements) {

    /**
     * One test the runners disagree on.
     *
     * @param choice the label of the documented choice that explains it (docs/validators.md), or null: unexplained
     */
    @JsonPropertyOrder({"plugin", "runtime", "model", "test", "choice", "conform", "cli"})
    public record Disagreement(
            String plugin,
            String runtime,
            String model,
            String test,
            String choice,
            @JsonProperty("conform") Side own,
            @JsonProperty("cli") Side canonical) {

        public TestId id() {
            return new TestId(plugin, runtime, model, test);
        }

        public boolean explained() {
            return choice != null;
        }
    }

    /** What one runner said about the test. */
    public record Side(TestStatus status, String error) {

        /** "passed", or the status and the message: "error: …". */
        @Override
        public String toString() {
            return status.label() + (error == null ? "" : ": " + error);
        }
    }

    /**
     * Compares the runs of {@code plan} as conform ran them ({@code own}) and as the CLI did ({@code canonical}).
     *
     * @param replacedUrls the media URLs conform's run sent the emulator's copies of instead (under --emulate)
     */
    public static VerdictComparison of(
            Plan plan, List<RunResult> own, List<RunResult> canonical, Set<String> replacedUrls) {
        Map<TestId, TestCase> tests = new HashMap<>();
        for (PlannedRun run : plan.runs()) {
            if (run.spec() == null) continue;
            for (Suite suite : run.spec().suites())
                for (TestCase t : suite.tests())
                    tests.put(new TestId(run.plugin(), run.runtimeName(), suite.model(), t.name()), t);
        }
        Map<TestId, TestResult> theirs = new HashMap<>();
        canonical.forEach(r -> r.tests().forEach(t -> theirs.put(t.id(), t)));
        int compared = 0;
        List<Disagreement> disagreements = new ArrayList<>();
        for (RunResult run : own) {
            for (TestResult mine : run.tests()) {
                TestResult other = theirs.get(mine.id());
                if (other == null || !judged(mine) || !judged(other)) continue;
                compared++;
                if (passes(mine) == passes(other)) continue;
                TestCase test = tests.get(mine.id());
                String choice = test == null
                        ? null
                        : DocumentedChoice.explaining(test, mine, other, replacedUrls)
                                .map(c -> c.label)
                                .orElse(null);
                disagreements.add(new Disagreement(
                        mine.plugin(),
                        mine.runtime(),
                        mine.model(),
                        mine.test(),
                        choice,
                        new Side(mine.status(), mine.error()),
                        new Side(other.status(), other.error())));
            }
        }
        return new VerdictComparison(Runner.CLI, compared, List.copyOf(disagreements));
    }

    /** Whether the test passed (a recorded failure that passed, xpass, did pass). */
    static boolean passes(TestResult r) {
        return r.status() == TestStatus.PASSED || r.status() == TestStatus.XPASS;
    }

    private static boolean judged(TestResult r) {
        return r.status() != TestStatus.SKIPPED && r.status() != TestStatus.INTERRUPTED;
    }

    /** The disagreements no documented choice explains: each fails the check. */
    @JsonProperty("unexplained")
    public long unexplained() {
        return disagreements.stream().filter(d -> !d.explained()).count();
    }

    /** The same comparison with every message passed through {@code edit} (redaction). */
    public VerdictComparison mapText(UnaryOperator<String> edit) {
        return new VerdictComparison(
                runner,
                compared,
                disagreements.stream()
                        .map(d -> new Disagreement(
                                d.plugin(),
                                d.runtime(),
                                d.model(),
                                d.test(),
                                d.choice(),
                                new Side(d.own().status(), edit.apply(d.own().error())),
                                new Side(
                                        d.canonical().status(),
                                        edit.apply(d.canonical().error()))))
                        .toList());
    }
}
