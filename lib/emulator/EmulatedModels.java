package conform.emulator;

import conform.config.EmulatorDialect;
import java.util.List;
import java.util.Map;

/**
 * The models the emulator serves, per dialect, as the provider names them (gpt-4o, claude-sonnet-4-5, gemma3): those it
 * answers ({@code known}: any other gets the provider's "unknown model" error) and those its model-list endpoints
 * list ({@code listed}).
 */
public record EmulatedModels(Map<EmulatorDialect, List<String>> known, Map<EmulatorDialect, List<String>> listed) {

    public EmulatedModels {
        known = Map.copyOf(known);
        listed = Map.copyOf(listed);
    }

    /** Models that are listed as well as answered (`conform emulate`, for an app whose SDK may list them). */
    public static EmulatedModels listingAll(Map<EmulatorDialect, List<String>> models) {
        return new EmulatedModels(models, models);
    }

    public List<String> known(EmulatorDialect dialect) {
        return known.getOrDefault(dialect, List.of());
    }

    public List<String> listed(EmulatorDialect dialect) {
        return listed.getOrDefault(dialect, List.of());
    }
}
