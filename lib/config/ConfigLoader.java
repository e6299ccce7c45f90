package conform.config;

import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/** Finds conform.toml and turns it into a {@link ConformConfig}, rejecting every invalid value with its location. */
public final class ConfigLoader {

    public static final String FILE_NAME = "conform.toml";
    public static final String CONFIG_ENV_VAR = "CONFORM_CONFIG";
    /** The table every setting lives under. */
    static final List<String> ROOT = List.of("conform");

    private static final Set<String> TABLE_KEYS = Set.of(
            "specs-dir",
            "genkit-cli",
            "env",
            "plugin-overrides",
            "model-overrides",
            "runtimes",
            "unavailable",
            "emulate",
            "not-emulated",
            "known-failures");
    /** The tables keyed by plugin name. */
    private static final List<String> PLUGIN_TABLES =
            List.of("env", "plugin-overrides", "unavailable", "emulate", "not-emulated");

    /** Where the canonical genkit CLI's project is (package.json and its lock), relative to conform.toml. */
    static final String DEFAULT_GENKIT_CLI = "entries/genkit-cli";

    private static final String ENV_NAME = "[A-Za-z_][A-Za-z0-9_]*";

    private ConfigLoader() {}

    /**
     * {@code --config}, else {@code $CONFORM_CONFIG}, else the first conform.toml walking up from {@code start}, else
     * the conform.toml of {@code checkout}: the checkout conform was launched from, when its launcher says (null if
     * not), so that `/path/to/checkout/jbang conform` works from any directory.
     */
    public static Path locate(Path explicit, Map<String, String> env, Path start, Path checkout) {
        Path chosen =
                explicit != null ? explicit : env.containsKey(CONFIG_ENV_VAR) ? Path.of(env.get(CONFIG_ENV_VAR)) : null;
        if (chosen != null) {
            Path absolute = chosen.toAbsolutePath().normalize();
            if (Files.isRegularFile(absolute)) return absolute;
            String origin = explicit != null ? "--config" : "$" + CONFIG_ENV_VAR;
            throw new ConformException(Diagnostic.error("E0100", "config file not found: " + absolute)
                    .note("given by " + origin)
                    .hint("pass the path of an existing conform.toml"));
        }
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        Path own = checkout == null ? null : checkout.resolve(FILE_NAME);
        if (own != null && Files.isRegularFile(own)) return own;
        throw new ConformException(Diagnostic.error(
                        "E0100",
                        FILE_NAME + " not found (searched from "
                                + start.toAbsolutePath().normalize() + " up to /"
                                + (own == null ? "" : ", and " + own) + ")")
                .hint("run conform inside a checkout that has a " + FILE_NAME + ", pass --config FILE, or set $"
                        + CONFIG_ENV_VAR));
    }

    public static ConformConfig load(Path file) {
        TomlParseResult parsed = Toml.parse(Utf8Text.read(file));
        if (parsed.hasErrors()) {
            TomlParseError first = parsed.errors().get(0);
            throw new ConformException(Diagnostic.error("E0101", "invalid TOML: " + first.getMessage())
                    .at(new SourceLocation(
                            file, first.position().line(), first.position().column()))
                    .note(
                            parsed.errors().size() > 1
                                    ? (parsed.errors().size() - 1) + " more syntax error(s) after this one"
                                    : null));
        }
        TomlSource toml = new TomlSource(file, parsed);
        TomlTable conform = toml.table(ROOT);
        if (conform == null) {
            throw new ConformException(Diagnostic.error("E0104", "no [conform] table in " + file.getFileName())
                    .at(SourceLocation.of(file))
                    .note(parsed.isEmpty() ? null : "the file has " + String.join(", ", parsed.keySet()) + " instead")
                    .hint("put conform's settings under a [conform] table"));
        }
        toml.checkTopLevel(ROOT.get(0));
        RuntimeTables.perRuntimeOnly(toml, conform);
        Set<String> knownKeys = new TreeSet<>(TABLE_KEYS);
        for (Setting s : Setting.values()) knownKeys.add(s.key);
        toml.checkKeys(ROOT, conform, knownKeys);

        SettingLayer global = settingsTable(toml, ROOT, Setting.Scope.GLOBAL, TABLE_KEYS);
        Path specsDir = toml.directory(TomlSource.child(ROOT, "specs-dir"));
        Path genkitCli = Objects.requireNonNullElse(
                toml.directory(TomlSource.child(ROOT, "genkit-cli")),
                toml.file.toAbsolutePath().getParent().resolve(DEFAULT_GENKIT_CLI));
        Map<String, RuntimeConfig> runtimes = RuntimeTables.read(
                toml,
                specsDir != null
                        ? specsDir
                        : toml.file.toAbsolutePath().getParent().resolve("specs"));
        return new ConformConfig(
                file.toAbsolutePath().normalize(),
                global,
                overrides(toml, "plugin-overrides", Setting.Scope.PLUGIN),
                overrides(toml, "model-overrides", Setting.Scope.MODEL),
                env(toml),
                runtimes,
                stringTable(toml, "unavailable", "a reason (a non-empty string)"),
                dialects(toml, stringTable(toml, "emulate", "an emulator dialect: " + EmulatorDialect.configNames())),
                stringTable(toml, "not-emulated", "a reason (a non-empty string)"),
                KnownFailureTable.read(toml, runtimes.keySet()),
                pluginMentions(toml),
                genkitCli);
    }

    /** Every key that names a plugin: the entries of the per-plugin tables and each known failure's `plugin`. */
    private static List<PluginMention> pluginMentions(TomlSource toml) {
        List<PluginMention> mentions = new ArrayList<>();
        for (String name : PLUGIN_TABLES) {
            List<String> table = TomlSource.child(ROOT, name);
            TomlTable byPlugin = toml.table(table);
            if (byPlugin == null) continue;
            for (String plugin : byPlugin.keySet()) {
                List<String> key = TomlSource.child(table, plugin);
                mentions.add(new PluginMention(plugin, TomlSource.dotted(key), toml.location(key)));
            }
        }
        List<String> failures = TomlSource.child(ROOT, "known-failures");
        for (int i = 0; toml.has(TomlSource.child(failures, String.valueOf(i))); i++) {
            List<String> item = TomlSource.child(failures, String.valueOf(i));
            String plugin = toml.string(TomlSource.child(item, "plugin"));
            mentions.add(new PluginMention(
                    plugin, "[[conform.known-failures]] #" + (i + 1) + " `plugin`", toml.location(item)));
        }
        return List.copyOf(mentions);
    }

    private static SettingLayer settingsTable(
            TomlSource toml, List<String> path, Setting.Scope scope, Set<String> otherKeys) {
        TomlTable table = toml.table(path);
        Map<Setting, Number> values = new EnumMap<>(Setting.class);
        if (table == null) return SettingLayer.EMPTY;
        List<String> allowed = new ArrayList<>();
        for (Setting s : Setting.values()) if (s.allowedIn(scope)) allowed.add(s.key);
        for (String key : table.keySet()) {
            if (otherKeys.contains(key)) continue;
            List<String> keyPath = TomlSource.child(path, key);
            Setting setting = Setting.byKey(key)
                    .filter(s -> s.allowedIn(scope))
                    .orElseThrow(() -> toml.unknownKey(keyPath, allowed));
            values.put(setting, toml.setting(keyPath, setting));
        }
        return SettingLayer.of(values);
    }

    private static Map<String, SettingLayer> overrides(TomlSource toml, String name, Setting.Scope scope) {
        return toml.entries(TomlSource.child(ROOT, name), entry -> {
            if (toml.table(entry) == null) throw toml.invalid(entry, "a table", null);
            return settingsTable(toml, entry, scope, Set.of());
        });
    }

    private static Map<String, List<String>> env(TomlSource toml) {
        return toml.entries(TomlSource.child(ROOT, "env"), entry -> {
            List<String> names = toml.stringList(entry);
            for (String n : names)
                if (!n.matches(ENV_NAME)) throw toml.invalid(entry, "a list of environment variable names", n);
            return List.copyOf(names);
        });
    }

    private static Map<String, EmulatorDialect> dialects(TomlSource toml, Map<String, String> byPlugin) {
        Map<String, EmulatorDialect> out = new LinkedHashMap<>();
        byPlugin.forEach((plugin, name) -> out.put(
                plugin,
                EmulatorDialect.byConfigName(name)
                        .orElseThrow(() -> toml.invalid(
                                List.of("conform", "emulate", plugin),
                                "an emulator dialect: " + EmulatorDialect.configNames(),
                                name))));
        return out;
    }

    /** A table of plugin → non-empty string ([conform.unavailable], [conform.emulate], [conform.not-emulated]). */
    private static Map<String, String> stringTable(TomlSource toml, String name, String expectation) {
        return toml.entries(TomlSource.child(ROOT, name), entry -> {
            String value = toml.string(entry);
            if (value == null || value.isBlank()) throw toml.invalid(entry, expectation, value);
            return value;
        });
    }
}
