package conform.config;

import conform.diag.Suggest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything conform.toml says, validated, with paths made absolute.
 *
 * @param file            the file it came from
 * @param global          the {@code [conform]} settings
 * @param pluginOverrides {@code [conform.plugin-overrides.<plugin>]}
 * @param modelOverrides  {@code [conform.model-overrides."<model>"]}, keyed by the model name used in specs
 * @param env             {@code [conform.env]}: the environment variables each plugin needs
 * @param runtimes        {@code [conform.runtimes.<name>]}, in file order
 * @param unavailable     {@code [conform.unavailable]}: plugins with a spec that no runtime can run yet, and why
 * @param emulate         {@code [conform.emulate]}: the emulator dialect that serves each plugin under --emulate
 * @param notEmulated     {@code [conform.not-emulated]}: plugins the emulator cannot serve, and why
 * @param knownFailures   {@code [[conform.known-failures]]}: failures that are the plugins' own
 * @param pluginMentions  every key above that names a plugin, with its line, to be checked against the specs
 * @param genkitCli       {@code genkit-cli}: the project that pins the canonical genkit CLI (--runner cli), installed
 *                        by setup
 */
public record ConformConfig(
        Path file,
        SettingLayer global,
        Map<String, SettingLayer> pluginOverrides,
        Map<String, SettingLayer> modelOverrides,
        Map<String, List<String>> env,
        Map<String, RuntimeConfig> runtimes,
        Map<String, String> unavailable,
        Map<String, EmulatorDialect> emulate,
        Map<String, String> notEmulated,
        List<KnownFailure> knownFailures,
        List<PluginMention> pluginMentions,
        Path genkitCli) {

    /** The settings for one model of one plugin: CLI flag > model override > plugin override > global > default. */
    public SettingLayer settingsFor(String plugin, String model, SettingLayer cli) {
        SettingLayer stack = global.over(SettingLayer.DEFAULTS);
        if (plugin != null)
            stack = pluginOverrides.getOrDefault(plugin, SettingLayer.EMPTY).over(stack);
        if (model != null)
            stack = modelOverrides.getOrDefault(model, SettingLayer.EMPTY).over(stack);
        return cli.over(stack);
    }

    public List<String> requiredEnv(String plugin) {
        return env.getOrDefault(plugin, List.of());
    }

    /** The required variables that are unset or empty in {@code environment}, in declaration order. */
    public List<String> missingEnv(String plugin, Map<String, String> environment) {
        return requiredEnv(plugin).stream()
                .filter(v -> environment.getOrDefault(v, "").isEmpty())
                .toList();
    }

    public Optional<RuntimeConfig> runtime(String name) {
        return Optional.ofNullable(runtimes.get(name));
    }

    /** The same config with every runtime reading its specs from {@code specsDir} (the --specs-dir flag). */
    public ConformConfig withSpecsDir(Path specsDir) {
        Map<String, RuntimeConfig> moved = new LinkedHashMap<>();
        runtimes.forEach((name, rt) -> moved.put(name, rt.withSpecsDir(specsDir)));
        return withRuntimes(moved);
    }

    /**
     * The same config with the local sources given on the command line: each replaces conform.toml's for the same
     * runtime and package; with {@code withoutConfigured}, conform.toml's are dropped first (--no-sources).
     */
    public ConformConfig withSources(List<LocalSource> given, boolean withoutConfigured) {
        Map<String, RuntimeConfig> changed = new LinkedHashMap<>();
        runtimes.forEach((name, rt) -> {
            Map<String, LocalSource> byPackage = new LinkedHashMap<>();
            if (!withoutConfigured) rt.sources().forEach(s -> byPackage.put(s.pkg(), s));
            given.stream().filter(s -> s.runtime().equals(name)).forEach(s -> byPackage.put(s.pkg(), s));
            changed.put(name, rt.withSources(List.copyOf(byPackage.values())));
        });
        for (LocalSource source : given) {
            if (!runtimes.containsKey(source.runtime())) {
                throw source.problem(
                        "names the runtime `" + source.runtime() + "`, which is not configured"
                                + Suggest.didYouMean(source.runtime(), runtimes.keySet()),
                        "use one of " + String.join(", ", runtimes.keySet()));
            }
        }
        return withRuntimes(changed);
    }

    /** The same config with every runtime spoken to through {@code transport} (the --transport flag). */
    public ConformConfig withTransport(Transport transport) {
        Map<String, RuntimeConfig> changed = new LinkedHashMap<>();
        runtimes.forEach((name, rt) -> changed.put(name, rt.withTransport(transport)));
        return withRuntimes(changed);
    }

    private ConformConfig withRuntimes(Map<String, RuntimeConfig> changed) {
        return new ConformConfig(
                file,
                global,
                pluginOverrides,
                modelOverrides,
                env,
                changed,
                unavailable,
                emulate,
                notEmulated,
                knownFailures,
                pluginMentions,
                genkitCli);
    }

    public Path baseDir() {
        return file.toAbsolutePath().getParent();
    }
}
