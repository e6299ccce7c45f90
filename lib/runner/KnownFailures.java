package conform.runner;

import conform.config.KnownFailure;
import conform.config.TestId;
import java.util.List;
import java.util.Optional;

/** Judges final results against [[conform.known-failures]]. */
final class KnownFailures {

    private final List<KnownFailure> records;

    KnownFailures(List<KnownFailure> records) {
        this.records = records;
    }

    /** The record {@code test} falls under, if any. */
    Optional<KnownFailure> recordFor(TestId test) {
        return records.stream().filter(k -> k.matches(test)).findFirst();
    }

    /**
     * XFAIL when the failure is the one its record expects, XPASS when a recorded test passes; a failure in a recorded
     * slot that is not the recorded one keeps its status and says which record it did not match.
     */
    TestResult judge(TestResult r) {
        if (r.status() == TestStatus.SKIPPED) return r;
        Optional<KnownFailure> record = recordFor(r.id());
        if (record.isEmpty()) return r;
        KnownFailure k = record.get();
        if (r.passed()) {
            return r.with(
                    TestStatus.XPASS,
                    "passed, but [[conform.known-failures]] says it fails (" + k.reason() + "): remove that entry");
        }
        if (k.expects(r.status().label(), r.error()))
            return r.with(TestStatus.XFAIL, r.error() + " (known failure: " + k.reason() + ")");
        return r.with(
                r.status(),
                r.error() + " (not the known failure recorded for this test, which expects " + k.expectation() + ": "
                        + k.reason() + ")");
    }
}
