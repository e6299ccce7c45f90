package conform.runner;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What ran a plugin's tests and gave their verdicts: conform's own engine, or the canonical genkit CLI. */
public enum Runner {
    /** conform's engine: the reflection API driven from conform, conform's validators. */
    CONFORM("conform"),
    /** {@code genkit dev:test-model}, the canonical tool, whose per-test lines conform reads. */
    CLI("genkit dev:test-model");

    /** How people call it in reports. */
    public final String title;

    Runner(String title) {
        this.title = title;
    }

    /** Its name in results.json and on the command line (--runner). */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
