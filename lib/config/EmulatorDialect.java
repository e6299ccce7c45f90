package conform.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The provider APIs conform's emulator speaks: [conform.emulate] names one per plugin, by its lower-case name. */
public enum EmulatorDialect {
    OPENAI,
    ANTHROPIC,
    GEMINI,
    OLLAMA,
    BEDROCK;

    /** The name conform.toml uses. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EmulatorDialect> byConfigName(String name) {
        return Arrays.stream(values()).filter(d -> d.configName().equals(name)).findFirst();
    }

    public static String configNames() {
        return String.join(
                ", ", Arrays.stream(values()).map(EmulatorDialect::configName).toList());
    }
}
