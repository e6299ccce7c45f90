package conform.runner;

import conform.spec.TestCase;
import java.util.Optional;
import java.util.Set;

/**
 * The places where conform decides differently from genkit dev:test-model on purpose, as docs/validators.md lists them
 * (each label is its row's question there), with the disagreement each explains: one runner passed a test the other
 * did not, in the way the choice predicts. A disagreement no choice explains is unexplained.
 */
public enum DocumentedChoice {
    /**
     * Under --emulate conform sends the emulator's copy of a built-in test's image, the CLI the image's internet URL,
     * which a plugin that downloads it itself cannot reach offline.
     */
    OFFLINE_IMAGE_URLS("Which image URL does a test send under `--emulate`?") {
        @Override
        boolean explains(TestCase test, TestResult own, TestResult canonical, Set<String> replacedUrls) {
            String input = test.input().toString();
            return VerdictComparison.passes(own)
                    && canonical.status() == TestStatus.ERROR
                    && fromTheRunner(canonical)
                    && replacedUrls.stream().anyMatch(input::contains);
        }
    },
    /** conform sends {@code config: {}} when the spec gives none, as ai.generate() does; the CLI sends none. */
    REQUEST_CONFIG("What does a test's request carry?") {
        @Override
        boolean explains(TestCase test, TestResult own, TestResult canonical, Set<String> replacedUrls) {
            TestResult failed = VerdictComparison.passes(own) ? canonical : own;
            return !test.input().has("config") && failed.status() == TestStatus.ERROR && fromTheRunner(failed);
        }
    },
    /** conform's text validators read every text part, joined; the CLI's read the first part only. */
    TEXT_PARTS("Which text do text validators read?") {
        @Override
        boolean explains(TestCase test, TestResult own, TestResult canonical, Set<String> replacedUrls) {
            return VerdictComparison.passes(own)
                    && failedBy(canonical, "text-includes", "text-starts-with", "text-not-empty", "valid-json");
        }
    },
    /** conform joins every text part of every chunk; the CLI the first text part of each chunk. */
    STREAMED_TEXT("Streamed text") {
        @Override
        boolean explains(TestCase test, TestResult own, TestResult canonical, Set<String> replacedUrls) {
            return VerdictComparison.passes(own) && failedBy(canonical, "stream-text-includes", "stream-valid-json");
        }
    },
    /** The CLI parses every answer with Genkit's response schema; conform checks what its validators read. */
    RESPONSE_SCHEMA("Response schema check") {
        @Override
        boolean explains(TestCase test, TestResult own, TestResult canonical, Set<String> replacedUrls) {
            return VerdictComparison.passes(own) && failedBy(canonical, "response schema");
        }
    };

    /** The question of its row in docs/validators.md. */
    public final String label;

    DocumentedChoice(String label) {
        this.label = label;
    }

    /**
     * Whether this choice explains why {@code own} (conform's verdict) and {@code canonical} (the CLI's) differ on
     * {@code test}: exactly one of them passed.
     *
     * @param replacedUrls the media URLs conform's run sent the emulator's copies of instead (under --emulate)
     */
    abstract boolean explains(TestCase test, TestResult own, TestResult canonical, Set<String> replacedUrls);

    /** The first choice, in the order above (the narrower first), that explains the disagreement. */
    static Optional<DocumentedChoice> explaining(
            TestCase test, TestResult own, TestResult canonical, Set<String> replacedUrls) {
        for (DocumentedChoice choice : values())
            if (choice.explains(test, own, canonical, replacedUrls)) return Optional.of(choice);
        return Optional.empty();
    }

    /** A verdict the runner gave after a model call (not one conform wrote for a test its runner never ran). */
    private static boolean fromTheRunner(TestResult r) {
        return r.attempts() > 0 && r.error() != null && !r.error().startsWith("No runtimes found");
    }

    /** A failure whose message comes from one of these checks ("valid-json: …"). */
    private static boolean failedBy(TestResult r, String... checks) {
        if (r.status() != TestStatus.FAILED && r.status() != TestStatus.XFAIL) return false;
        for (String check : checks) {
            if (r.error() != null && r.error().startsWith(check + ":")) return true;
        }
        return false;
    }
}
