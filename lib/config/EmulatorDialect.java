package conform.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The provider APIs conform's emulator speaks: [conform.emulate] names one per plugin, by its lower-case name. */
public enum EmulatorDialect {
    OPENAI(false),
    ANTHROPIC(false),
    GEMINI(false),
    OLLAMA(true),
    BEDROCK(false);

    private final boolean localModels;

    EmulatorDialect(boolean localModels) {
        this.localModels = localModels;
    }

    /**
     * Whether this API lists the models of the server the user runs (Ollama: what was pulled there) rather than a
     * provider's catalogue, which only the provider knows.
     */
    public boolean listsLocalModels() {
        return localModels;
    }

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
