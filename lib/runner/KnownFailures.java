package conform.runner;

import conform.config.ConformConfig;
import conform.config.KnownFailure;

import java.util.Optional;

/** Turns a final result into XFAIL or XPASS when [[conform.known-failures]] records it. */
final class KnownFailures {

    private final ConformConfig config;

    KnownFailures(ConformConfig config) {
        this.config = config;
    }

    TestResult judge(TestResult r) {
        if (r.status() == TestStatus.SKIPPED) return r;
        Optional<KnownFailure> known = config.knownFailure(r.id());
        if (known.isEmpty()) return r;
        String reason = known.get().reason();
        return r.passed()
                ? r.with(TestStatus.XPASS, "passed, but [[conform.known-failures]] says it fails (" + reason + "): remove that entry")
                : r.with(TestStatus.XFAIL, r.error() + " (known failure: " + reason + ")");
    }
}
