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
        Optional<KnownFailure> known = config.knownFailure(r.plugin(), r.runtime(), r.model(), r.test());
        if (known.isEmpty()) return r;
        String reason = known.get().reason();
        return r.passed()
                ? with(r, TestStatus.XPASS, "passed, but [[conform.known-failures]] says it fails (" + reason + "): remove that entry")
                : with(r, TestStatus.XFAIL, r.error() + " (known failure: " + reason + ")");
    }

    private static TestResult with(TestResult r, TestStatus status, String error) {
        return new TestResult(r.plugin(), r.runtime(), r.model(), r.test(), status, r.attempts(), r.flaky(), error, r.latencyMs(), r.firstChunkMs());
    }
}
