package conform.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One layer of settings (defaults, the global table, one override table or the CLI flags), or a resolved
 * stack of them. Layers hold only what they set; {@link #over} stacks one on another.
 */
public final class SettingLayer {

    public static final SettingLayer EMPTY = new SettingLayer(new EnumMap<>(Setting.class));
    public static final SettingLayer DEFAULTS;

    static {
        EnumMap<Setting, Number> defaults = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) defaults.put(s, s.defaultValue);
        DEFAULTS = new SettingLayer(defaults);
    }

    private final Map<Setting, Number> values;

    private SettingLayer(Map<Setting, Number> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static SettingLayer of(Map<Setting, Number> values) {
        return values.isEmpty() ? EMPTY : new SettingLayer(new EnumMap<>(values));
    }

    /** This layer placed on top of {@code below}: where both set a value, this one wins. */
    public SettingLayer over(SettingLayer below) {
        EnumMap<Setting, Number> merged =
                below.values.isEmpty() ? new EnumMap<>(Setting.class) : new EnumMap<>(below.values);
        merged.putAll(values);
        return new SettingLayer(merged);
    }

    /** This layer's value, else the setting's default. */
    public Number value(Setting setting) {
        Number n = values.get(setting);
        return n != null ? n : setting.defaultValue;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettingLayer other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SettingLayer{");
        values.forEach((k, v) -> sb.append(k.key).append('=').append(v).append(' '));
        return sb.toString().strip() + "}";
    }
}
