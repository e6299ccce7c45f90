package conform.config;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every tunable of a run: its TOML key, its kind, its default, its maximum, and the scopes that may set it.
 * Precedence is resolved in {@link ConformConfig#settingsFor}: CLI flag > model override > plugin override > global > default.
 */
public enum Setting {
    CONCURRENCY("concurrency", Kind.POSITIVE_INT, 8, 64, Scope.GLOBAL),
    TEST_CONCURRENCY("test-concurrency", Kind.POSITIVE_INT, 3, 32, Scope.GLOBAL, Scope.PLUGIN, Scope.MODEL),
    MAX_RETRIES("max-retries", Kind.NON_NEGATIVE_INT, 2, 10, Scope.GLOBAL, Scope.PLUGIN, Scope.MODEL),
    // The backoff never waits longer than a minute (RetryPolicy.CAP), so a larger base would be ignored.
    RETRY_BASE_DELAY("retry-base-delay", Kind.NON_NEGATIVE_SECONDS, 1.0, 60, Scope.GLOBAL, Scope.PLUGIN, Scope.MODEL),
    ACTION_TIMEOUT(
            "action-timeout", Kind.POSITIVE_SECONDS, 120.0, Seconds.ONE_DAY, Scope.GLOBAL, Scope.PLUGIN, Scope.MODEL),
    HEALTH_TIMEOUT("health-timeout", Kind.POSITIVE_SECONDS, 5.0, Seconds.ONE_DAY, Scope.GLOBAL, Scope.PLUGIN),
    STARTUP_TIMEOUT("startup-timeout", Kind.POSITIVE_SECONDS, 30.0, Seconds.ONE_DAY, Scope.GLOBAL, Scope.PLUGIN);

    /** Apart, so that the constants above may use it. */
    private static final class Seconds {
        static final int ONE_DAY = 24 * 60 * 60;
    }

    public enum Scope {
        GLOBAL,
        PLUGIN,
        MODEL
    }

    public enum Kind {
        POSITIVE_INT("an integer from 1 to "),
        NON_NEGATIVE_INT("an integer from 0 to "),
        POSITIVE_SECONDS("a number of seconds greater than 0 and at most "),
        NON_NEGATIVE_SECONDS("a number of seconds from 0 to ");

        private final String range;

        Kind(String range) {
            this.range = range;
        }

        public boolean isInteger() {
            return this == POSITIVE_INT || this == NON_NEGATIVE_INT;
        }
    }

    public final String key;
    public final Kind kind;
    public final Number defaultValue;
    /** The largest value that makes sense; more is a typo or a unit mix-up (milliseconds for seconds). */
    public final int maximum;

    private final Set<Scope> scopes;

    Setting(String key, Kind kind, Number defaultValue, int maximum, Scope first, Scope... rest) {
        this.key = key;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.maximum = maximum;
        this.scopes = EnumSet.of(first, rest);
    }

    /** "an integer from 1 to 64": what a value must be, for messages. */
    public String expectation() {
        return kind.range + maximum + (maximum == Seconds.ONE_DAY ? " (one day)" : "");
    }

    /** Whether the value lies in range; integer kinds must already be whole numbers. */
    public boolean accepts(Number value) {
        double v = value.doubleValue();
        if (Double.isNaN(v) || v > maximum) return false;
        return switch (kind) {
            case POSITIVE_INT -> v >= 1;
            case NON_NEGATIVE_INT, NON_NEGATIVE_SECONDS -> v >= 0;
            case POSITIVE_SECONDS -> v > 0;
        };
    }

    public boolean allowedIn(Scope scope) {
        return scopes.contains(scope);
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
