package conform.plan;

import conform.config.RuntimeConfig;
import conform.spec.PluginSpec;
import java.util.List;
import java.util.Map;

/**
 * One plugin in one runtime: the unit that starts an entry and runs its spec.
 *
 * @param skipReason    why it will not run (missing env, missing entry), or null when it will
 * @param missingEnv    the required variables that are unset or empty
 * @param settings      the run's own settings (start-up and health timeouts, the test budget)
 * @param modelSettings each model's settings, where they are resolved for its tests
 */
public record PlannedRun(
        String plugin,
        RuntimeConfig runtime,
        PluginSpec spec,
        String skipReason,
        List<String> missingEnv,
        ResolvedSettings settings,
        Map<String, ResolvedSettings> modelSettings) {

    public boolean runnable() {
        return skipReason == null;
    }

    public String runtimeName() {
        return runtime.name();
    }

    public int testCount() {
        return spec == null ? 0 : spec.testCount();
    }

    /** The settings of {@code model}'s tests. */
    public ResolvedSettings settingsFor(String model) {
        return modelSettings.getOrDefault(model, settings);
    }

    public PlannedRun withSpec(PluginSpec narrowed) {
        return new PlannedRun(plugin, runtime, narrowed, skipReason, missingEnv, settings, modelSettings);
    }

    public PlannedRun skipped(String reason) {
        return new PlannedRun(plugin, runtime, spec, reason, List.of(), settings, modelSettings);
    }
}
