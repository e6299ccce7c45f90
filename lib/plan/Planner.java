package conform.plan;

import conform.config.ConformConfig;
import conform.config.RuntimeConfig;
import conform.config.Setting;
import conform.config.SettingLayer;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.Suggest;
import conform.spec.PluginSpec;
import conform.spec.SpecLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a selection (plugins, runtimes) into a {@link Plan}: every selected plugin in every selected runtime
 * that has an entry for it or is declared to cover it. Specs are loaded (and so checked) once per file.
 * A plugin with missing env vars or a declared-but-missing entry is kept as a skipped run, with the reason.
 * Every run's and every model's settings are resolved here, once, from the config and the CLI flags.
 */
public final class Planner {

    private final ConformConfig config;
    private final Inventory inventory;
    private final SpecLoader loader;
    private final Map<String, String> env;
    private final SettingLayer flags;
    private final Map<Path, PluginSpec> loaded = new HashMap<>();

    /** @param flags the settings given on the command line, which beat every layer of the config */
    public Planner(
            ConformConfig config, Inventory inventory, SpecLoader loader, Map<String, String> env, SettingLayer flags) {
        this.config = config;
        this.inventory = inventory;
        this.loader = loader;
        this.env = env;
        this.flags = flags;
    }

    /** The configured runtimes matching {@code requested} (all of them when empty), in config order. */
    public static List<RuntimeConfig> selectRuntimes(ConformConfig config, List<String> requested) {
        if (requested == null || requested.isEmpty())
            return List.copyOf(config.runtimes().values());
        Set<String> names = new LinkedHashSet<>();
        for (String raw : requested) {
            String name = raw.strip();
            if (name.isEmpty()) continue;
            if (!config.runtimes().containsKey(name)) {
                throw new ConformException(Diagnostic.error(
                                "E0002",
                                "unknown runtime `" + name + "`"
                                        + Suggest.didYouMean(
                                                name, config.runtimes().keySet()))
                        .note("configured runtimes: "
                                + String.join(", ", config.runtimes().keySet()))
                        .hint("add [conform.runtimes." + name + "] to "
                                + config.file().getFileName() + " or pick a configured runtime"));
            }
            names.add(name);
        }
        if (names.isEmpty()) throw new ConformException(Diagnostic.error("E0002", "--runtime names no runtime"));
        return names.stream().map(config.runtimes()::get).toList();
    }

    public Plan plan(List<String> pluginNames, List<String> runtimeNames) {
        List<RuntimeConfig> runtimes = selectRuntimes(config, runtimeNames);
        Set<String> known = inventory.pluginsWithSpecs();
        List<String> plugins = pluginNames == null || pluginNames.isEmpty()
                ? List.copyOf(known)
                : List.copyOf(new LinkedHashSet<>(pluginNames));
        for (String plugin : plugins) {
            if (!known.contains(plugin)) {
                throw new ConformException(
                        Diagnostic.error("E0001", "unknown plugin `" + plugin + "`" + Suggest.didYouMean(plugin, known))
                                .note(
                                        known.isEmpty()
                                                ? "no spec files were found"
                                                : "plugins with a spec: " + String.join(", ", known))
                                .hint("run `conform list` to see the plugins and their runtimes"));
            }
        }
        List<PlannedRun> runs = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>();
        for (String plugin : plugins) {
            for (RuntimeConfig rt : runtimes) {
                PlannedRun run = planOne(plugin, rt, warnings);
                if (run != null) runs.add(run);
            }
        }
        if (runs.isEmpty()) {
            throw new ConformException(Diagnostic.error(
                            "E0003", "nothing to run: no selected plugin has an entry in the selected runtimes")
                    .note("plugins: " + String.join(", ", plugins) + "; runtimes: "
                            + String.join(
                                    ", ",
                                    runtimes.stream().map(RuntimeConfig::name).toList()))
                    .hint("run `conform check-plugin` to see which entries are missing"));
        }
        loaded.values().forEach(spec -> warnings.addAll(spec.warnings()));
        return new Plan(
                List.copyOf(runs),
                List.copyOf(warnings),
                config.settingsFor(null, null, flags).value(Setting.CONCURRENCY).intValue());
    }

    private PlannedRun planOne(String plugin, RuntimeConfig rt, List<Diagnostic> warnings) {
        boolean hasEntry = inventory.hasEntry(rt.name(), plugin);
        boolean declared = rt.plugins().contains(plugin);
        if (!hasEntry && !declared) return null;
        Path specFile = inventory.specFile(rt.name(), plugin);
        if (specFile == null) {
            return run(plugin, rt, null, "no spec in " + rt.specsDir(), List.of());
        }
        PluginSpec spec = loaded.computeIfAbsent(specFile, file -> loader.load(plugin, file));
        if (!hasEntry) {
            warnings.add(Diagnostic.warning(
                            "W0002", "`" + plugin + "` is declared for runtime `" + rt.name() + "` but has no entry")
                    .note("expected " + rt.entryPath(plugin))
                    .hint("add the entry, or remove it from [conform.runtimes." + rt.name() + "] plugins"));
            return run(plugin, rt, spec, "no entry: " + rt.entryPath(plugin), List.of());
        }
        List<String> tools = Toolchain.missing(rt.toolchain(), env);
        if (!tools.isEmpty())
            return run(
                    plugin,
                    rt,
                    spec,
                    "toolchain missing: " + String.join(", ", tools) + " not found on PATH",
                    List.of());
        List<String> missing = config.missingEnv(plugin, env);
        if (!missing.isEmpty()) return run(plugin, rt, spec, "missing env: " + String.join(", ", missing), missing);
        return run(plugin, rt, spec, null, List.of());
    }

    private PlannedRun run(
            String plugin, RuntimeConfig rt, PluginSpec spec, String skipReason, List<String> missingEnv) {
        Map<String, ResolvedSettings> models = new LinkedHashMap<>();
        if (spec != null)
            spec.suites()
                    .forEach(s ->
                            models.put(s.model(), ResolvedSettings.of(config.settingsFor(plugin, s.model(), flags))));
        return new PlannedRun(
                plugin,
                rt,
                spec,
                skipReason,
                missingEnv,
                ResolvedSettings.of(config.settingsFor(plugin, null, flags)),
                Map.copyOf(models));
    }
}
