package conform.config;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Every tunable of a run: its TOML key, its kind, its default, and the scopes that may set it.
 * Precedence is resolved in {@link ConformConfig#settingsFor}: CLI flag > model override > plugin override > global > default.
 */
public enum Setting {
    CONCURRENCY("concurrency", Kind.POSITIVE_INT, 8, Scope.GLOBAL),
    TEST_CONCURRENCY("test-concurrency", Kind.POSITIVE_INT, 3, Scope.GLOBAL, Scope.PLUGIN, Scope.MODEL),
    MAX_RETRIES("max-retries", Kind.NON_NEGATIVE_INT, 2, Scope.GLOBAL, Scope.PLUGIN, Scope.MODEL),
    RETRY_BASE_DELAY("retry-base-delay", Kind.NON_NEGATIVE_SECONDS, 1.0, Scope.GLOBAL, Scope.PLUGIN, Scope.MODEL),
    ACTION_TIMEOUT("action-timeout", Kind.POSITIVE_SECONDS, 120.0, Scope.GLOBAL, Scope.PLUGIN, Scope.MODEL),
    HEALTH_TIMEOUT("health-timeout", Kind.POSITIVE_SECONDS, 5.0, Scope.GLOBAL, Scope.PLUGIN),
    STARTUP_TIMEOUT("startup-timeout", Kind.POSITIVE_SECONDS, 30.0, Scope.GLOBAL, Scope.PLUGIN);

    public enum Scope {
        GLOBAL,
        PLUGIN,
        MODEL
    }

    public enum Kind {
        POSITIVE_INT("an integer of at least 1"),
        NON_NEGATIVE_INT("an integer of at least 0"),
        POSITIVE_SECONDS("a number of seconds greater than 0"),
        NON_NEGATIVE_SECONDS("a number of seconds of at least 0");

        public final String expectation;

        Kind(String expectation) {
            this.expectation = expectation;
        }

        public boolean isInteger() {
            return this == POSITIVE_INT || this == NON_NEGATIVE_INT;
        }

        /** Whether the value lies in range; integer kinds must already be whole numbers. */
        public boolean accepts(Number value) {
            double v = value.doubleValue();
            if (Double.isNaN(v) || Double.isInfinite(v)) return false;
            return switch (this) {
                case POSITIVE_INT -> v >= 1;
                case NON_NEGATIVE_INT, NON_NEGATIVE_SECONDS -> v >= 0;
                case POSITIVE_SECONDS -> v > 0;
            };
        }
    }

    public final String key;
    public final Kind kind;
    public final Number defaultValue;
    private final Set<Scope> scopes;

    Setting(String key, Kind kind, Number defaultValue, Scope first, Scope... rest) {
        this.key = key;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.scopes = EnumSet.of(first, rest);
    }

    public boolean allowedIn(Scope scope) {
        return scopes.contains(scope);
    }

    public static Optional<Setting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
