package conform.runner;

import conform.config.KnownFailure;
import conform.config.TestId;
import java.util.List;
import java.util.Optional;

/** Turns a final result into XFAIL or XPASS when [[conform.known-failures]] records it. */
final class KnownFailures {

    private final List<KnownFailure> records;

    KnownFailures(List<KnownFailure> records) {
        this.records = records;
    }

    /** The record {@code test} falls under, if any. */
    Optional<KnownFailure> recordFor(TestId test) {
        return records.stream().filter(k -> k.matches(test)).findFirst();
    }

    TestResult judge(TestResult r) {
        if (r.status() == TestStatus.SKIPPED) return r;
        Optional<KnownFailure> known = recordFor(r.id());
        if (known.isEmpty()) return r;
        String reason = known.get().reason();
        return r.passed()
                ? r.with(
                        TestStatus.XPASS,
                        "passed, but [[conform.known-failures]] says it fails (" + reason + "): remove that entry")
                : r.with(TestStatus.XFAIL, r.error() + " (known failure: " + reason + ")");
    }
}
