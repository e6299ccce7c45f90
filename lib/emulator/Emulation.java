package conform.emulator;

import conform.config.ConformConfig;
import conform.config.EmulatorDialect;
import conform.models.ListingTarget;
import conform.models.ModelListing.Source;
import conform.plan.Plan;
import conform.plan.PlannedRun;
import conform.spec.PluginSpec;
import conform.spec.Suite;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code check-model --emulate} changes: the provider keys the emulator stands in for count as set when
 * planning, plugins the emulator cannot serve are skipped with the reason, and each dialect lists the models of
 * the plugins it serves.
 */
public final class Emulation {

    private Emulation() {}

    /** The environment to plan with: the user's, plus stand-ins for the keys the emulator makes unnecessary. */
    public static Map<String, String> planningEnvironment(Map<String, String> env) {
        Map<String, String> out = new HashMap<>(env);
        out.putAll(Emulator.standIns(env));
        return out;
    }

    /** The plan with every run the emulator cannot serve turned into a skip that says why. */
    public static Plan restrict(Plan plan, ConformConfig config) {
        List<PlannedRun> runs = new ArrayList<>();
        for (PlannedRun run : plan.runs()) {
            // Not being emulated is the more fundamental reason: it holds whatever keys are set.
            boolean considered = run.runnable() || !run.missingEnv().isEmpty();
            String why = considered ? whyNot(run.plugin(), config) : null;
            runs.add(why == null ? run : run.skipped("not emulated: " + why));
        }
        return plan.withRuns(runs);
    }

    /** Why the emulator cannot serve {@code plugin}, or null when it can. */
    static String whyNot(String plugin, ConformConfig config) {
        String reason = config.notEmulated().get(plugin);
        if (reason != null) return reason;
        return config.emulate().containsKey(plugin)
                ? null
                : "no emulator dialect is configured for it in [conform.emulate]";
    }

    /** The models of the specs, per dialect, as the provider names them (without the plugin's prefix). */
    public static Map<EmulatorDialect, List<String>> models(List<PluginSpec> specs, ConformConfig config) {
        Map<EmulatorDialect, Set<String>> sets = new EnumMap<>(EmulatorDialect.class);
        for (PluginSpec spec : specs) {
            EmulatorDialect dialect = config.emulate().get(spec.plugin());
            if (dialect == null) continue;
            for (Suite suite : spec.suites())
                sets.computeIfAbsent(dialect, d -> new TreeSet<>()).add(providerName(suite.model()));
        }
        Map<EmulatorDialect, List<String>> out = new EnumMap<>(EmulatorDialect.class);
        sets.forEach((d, names) -> out.put(d, List.copyOf(names)));
        return out;
    }

    /** What the emulator serves the runnable runs of a plan (see {@link #forRuns(List, ConformConfig)}). */
    public static EmulatedModels forRuns(Plan plan, ConformConfig config) {
        return forRuns(plan.runnable().stream().map(PlannedRun::spec).toList(), config);
    }

    /**
     * What the emulator serves conform's own runtimes (check-model and the model inventory alike): it answers the specs'
     * models, and lists what a provider would list to any user. A provider's catalogue is the provider's to know, so
     * the OpenAI, Anthropic and Gemini dialects list none, and what a runtime lists is what its plugin registers by
     * itself (a listed catalogue would make every plugin that lists it "register" every suite's model, and a retired
     * model look alive); an Ollama server lists what was pulled there, which the emulator takes to be the specs' models.
     */
    public static EmulatedModels forRuns(List<PluginSpec> specs, ConformConfig config) {
        Map<EmulatorDialect, List<String>> known = models(specs, config);
        Map<EmulatorDialect, List<String>> listed = new EnumMap<>(EmulatorDialect.class);
        known.forEach((dialect, names) -> {
            if (dialect.listsLocalModels()) listed.put(dialect, names);
        });
        return new EmulatedModels(known, listed);
    }

    /**
     * Where each run of the plan is listed from: under --emulate, the emulator for every plugin it serves; otherwise
     * each plugin's own provider when its keys are set, and the emulator (with its stand-in keys) when they are not and
     * it serves the plugin, so that what the plugin registers by itself is still listed, offline. Runs that cannot be
     * listed keep the reason.
     */
    public static List<ListingTarget> listingTargets(Plan plan, ConformConfig config, boolean emulate) {
        List<ListingTarget> out = new ArrayList<>();
        for (PlannedRun run : plan.runs()) {
            boolean considered = run.runnable() || !run.missingEnv().isEmpty();
            if (!considered) out.add(ListingTarget.skipped(run, run.skipReason()));
            else if (run.runnable() && !emulate) out.add(ListingTarget.listed(run, Source.PROVIDER));
            else {
                String why = whyNot(run.plugin(), config);
                if (why == null) out.add(ListingTarget.listed(run, Source.EMULATOR));
                else out.add(ListingTarget.skipped(run, emulate ? "not emulated: " + why : run.skipReason()));
            }
        }
        return out;
    }

    /** {@code openai/gpt-4o} → {@code gpt-4o}: Genkit plugins send the provider the name without their prefix. */
    static String providerName(String model) {
        return model.substring(model.indexOf('/') + 1);
    }
}
