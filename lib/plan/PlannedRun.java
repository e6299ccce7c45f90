package conform.plan;

import conform.config.RuntimeConfig;
import conform.spec.Spec;

import java.util.List;

/**
 * One plugin in one runtime: the unit that starts an entry and runs its spec.
 *
 * @param skipReason why it will not run (missing env, missing entry), or null when it will
 * @param missingEnv the required variables that are unset or empty
 */
public record PlannedRun(String plugin, RuntimeConfig runtime, Spec spec, String skipReason, List<String> missingEnv) {

    public boolean runnable() {
        return skipReason == null;
    }

    public String runtimeName() {
        return runtime.name();
    }

    public int testCount() {
        return spec == null ? 0 : spec.testCount();
    }
}
