package conform.runner;

import conform.config.KnownFailure;
import conform.config.TestId;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/** Judges final results against [[conform.known-failures]]. */
final class KnownFailures {

    private final List<KnownFailure> records;

    KnownFailures(List<KnownFailure> records) {
        this.records = records;
    }

    /** The first record whose slot holds {@code test}, if any. */
    Optional<KnownFailure> recordFor(TestId test) {
        return records.stream().filter(k -> k.matches(test)).findFirst();
    }

    /**
     * XFAIL when the failure is the one its record expects, XPASS when a recorded test passes; a failure in a recorded
     * slot that is not the recorded one keeps its status and says which record it did not match.
     */
    TestResult judge(TestResult r) {
        return judge(r, (k, t) -> k.expects(t.status().label(), t.error()), "");
    }

    /**
     * As {@link #judge}, for a failure whose message is unknown (genkit dev:test-model printed none): a record in the
     * slot is held to its statuses alone, and the verdict says so.
     */
    TestResult judgeWithoutMessage(TestResult r) {
        return judge(
                r,
                (k, t) -> k.statuses().contains(t.status().label()),
                "; genkit dev:test-model printed no message for it, so only its status was checked");
    }

    private TestResult judge(TestResult r, BiPredicate<KnownFailure, TestResult> expected, String howChecked) {
        if (r.status() == TestStatus.SKIPPED || r.status() == TestStatus.INTERRUPTED) return r;
        List<KnownFailure> slot =
                records.stream().filter(k -> k.matches(r.id())).toList();
        if (slot.isEmpty()) return r;
        if (r.passed()) {
            return r.with(
                    TestStatus.XPASS,
                    "passed, but [[conform.known-failures]] says it fails ("
                            + slot.get(0).reason()
                            + "): remove that entry (if the run used local sources: once conform pins a published"
                            + " version with the fix)");
        }
        // Several records may share a slot, each expecting another failure (one test, two plugin bugs).
        Optional<KnownFailure> record =
                slot.stream().filter(k -> expected.test(k, r)).findFirst();
        if (record.isPresent()) {
            return r.with(
                    TestStatus.XFAIL,
                    r.error() + " (known failure: " + record.get().reason() + howChecked + ")");
        }
        KnownFailure k = slot.get(0);
        return r.with(
                r.status(),
                r.error() + " (not the known failure recorded for this test, which expects " + k.expectation() + ": "
                        + k.reason() + ")");
    }
}
