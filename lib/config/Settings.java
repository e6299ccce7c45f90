package conform.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One layer of settings (defaults, the global table, one override table or the CLI flags), or a resolved
 * stack of them. Layers hold only what they set; {@link #over} stacks one on another.
 */
public final class Settings {

    public static final Settings EMPTY = new Settings(new EnumMap<>(Setting.class));
    public static final Settings DEFAULTS;

    static {
        EnumMap<Setting, Number> defaults = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) defaults.put(s, s.defaultValue);
        DEFAULTS = new Settings(defaults);
    }

    private final Map<Setting, Number> values;

    private Settings(Map<Setting, Number> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static Settings of(Map<Setting, Number> values) {
        return values.isEmpty() ? EMPTY : new Settings(new EnumMap<>(values));
    }

    /** This layer placed on top of {@code below}: where both set a value, this one wins. */
    public Settings over(Settings below) {
        EnumMap<Setting, Number> merged = below.values.isEmpty() ? new EnumMap<>(Setting.class) : new EnumMap<>(below.values);
        merged.putAll(values);
        return new Settings(merged);
    }

    public boolean has(Setting setting) {
        return values.containsKey(setting);
    }

    public Map<Setting, Number> values() {
        return values;
    }

    private Number value(Setting setting) {
        Number n = values.get(setting);
        return n != null ? n : setting.defaultValue;
    }

    public int concurrency() { return value(Setting.CONCURRENCY).intValue(); }
    public int testConcurrency() { return value(Setting.TEST_CONCURRENCY).intValue(); }
    public int maxRetries() { return value(Setting.MAX_RETRIES).intValue(); }
    public double retryBaseDelaySeconds() { return value(Setting.RETRY_BASE_DELAY).doubleValue(); }
    public double actionTimeoutSeconds() { return value(Setting.ACTION_TIMEOUT).doubleValue(); }
    public double healthTimeoutSeconds() { return value(Setting.HEALTH_TIMEOUT).doubleValue(); }
    public double startupTimeoutSeconds() { return value(Setting.STARTUP_TIMEOUT).doubleValue(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Settings{");
        values.forEach((k, v) -> sb.append(k.key).append('=').append(v).append(' '));
        return sb.toString().strip() + "}";
    }
}
