package conform.emulator;

import conform.config.ConformConfig;
import conform.plan.Plan;
import conform.plan.PlannedRun;
import conform.spec.Suite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code check-model --emulate} changes: the provider keys the emulator stands in for count as set when
 * planning, plugins the emulator cannot serve are skipped with the reason, and runtimes get the emulator's URLs.
 */
public final class Emulation {

    /** The dialects the emulator speaks today. */
    static final Set<String> SPOKEN = Set.of("openai", "anthropic", "gemini", "ollama");

    private Emulation() {}

    /** The environment to plan with: the user's, plus dummy values for the keys the emulator makes unnecessary. */
    public static Map<String, String> planningEnvironment(Map<String, String> env) {
        Map<String, String> out = new HashMap<>(env);
        out.putAll(Emulator.dummyKeys(env));
        return out;
    }

    /** The plan with every run the emulator cannot serve turned into a skip that says why. */
    public static Plan restrict(Plan plan, ConformConfig config) {
        List<PlannedRun> runs = new ArrayList<>();
        for (PlannedRun run : plan.runs()) {
            // Not being emulated is the more fundamental reason: it holds whatever keys are set.
            boolean considered = run.runnable() || !run.missingEnv().isEmpty();
            Optional<String> why = considered ? whyNot(run.plugin(), config) : Optional.empty();
            runs.add(why.map(reason -> run.skipped("not emulated: " + reason)).orElse(run));
        }
        return plan.withRuns(runs);
    }

    static Optional<String> whyNot(String plugin, ConformConfig config) {
        String reason = config.notEmulated().get(plugin);
        if (reason != null) return Optional.of(reason);
        String dialect = config.emulate().get(plugin);
        if (dialect == null) return Optional.of("no emulator dialect is configured for it in [conform.emulate]");
        if (!SPOKEN.contains(dialect.toLowerCase(Locale.ROOT))) return Optional.of("the emulator does not speak the " + dialect + " dialect yet");
        return Optional.empty();
    }

    /** Every model name the plan's runnable runs will call, for the emulator's model listings. */
    public static List<String> models(Plan plan) {
        return plan.runnable().stream().flatMap(r -> r.spec().suites().stream()).map(Suite::model).distinct().toList();
    }
}
