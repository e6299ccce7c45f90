package conform.config;

import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.SourceLocation;
import conform.diag.Suggest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private static final List<String> ROOT = List.of("conform");
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

    private static final Set<String> KNOWN_FAILURE_KEYS =
            Set.of("plugin", "runtime", "model", "test", "error", "statuses", "emulated-only", "reason");
    private static final Set<String> RUNTIME_KEYS = Set.of(
            "cwd",
            "entries-dir",
            "specs-dir",
            "entry-file",
            "entry-command",
            "plugins",
            "toolchain",
            "setup",
            "sources",
            "plugins-dir",
            "additional-model-plugins",
            "ignore-plugins",
            "transport");
    /** The keys of a runtime's plugins directory: the seed tool had the two lists in [conform], for every runtime. */
    private static final List<String> PLUGINS_DIR_KEYS =
            List.of("plugins-dir", "additional-model-plugins", "ignore-plugins");

    private static final Set<String> STEP_KEYS = Set.of("run", "inputs", "creates");
    /** Where the canonical genkit CLI's project is (package.json and its lock), relative to conform.toml. */
    static final String DEFAULT_GENKIT_CLI = "entries/genkit-cli";

    private static final String ENV_NAME = "[A-Za-z_][A-Za-z0-9_]*";
    private static final String RUNTIME_NAME = "[a-z][a-z0-9_-]*";

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
        perRuntimeOnly(toml, conform);
        Set<String> knownKeys = new TreeSet<>(TABLE_KEYS);
        for (Setting s : Setting.values()) knownKeys.add(s.key);
        toml.checkKeys(ROOT, conform, knownKeys);

        SettingLayer global = settingsTable(toml, ROOT, Setting.Scope.GLOBAL, TABLE_KEYS);
        Path specsDir = toml.directory(TomlSource.child(ROOT, "specs-dir"));
        Path genkitCli = orElse(
                toml.directory(TomlSource.child(ROOT, "genkit-cli")),
                toml.file.toAbsolutePath().getParent().resolve(DEFAULT_GENKIT_CLI));
        Map<String, RuntimeConfig> runtimes = runtimes(
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
                knownFailures(toml, runtimes.keySet()),
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

    /** @param runtimes the configured runtimes: a record's `runtime` must name one, or it would never match */
    private static List<KnownFailure> knownFailures(TomlSource toml, Set<String> runtimes) {
        return toml.tables(
                TomlSource.child(ROOT, "known-failures"),
                "a list of tables like {plugin = \"x\", test = \"*\", reason = \"…\"}",
                KNOWN_FAILURE_KEYS,
                at -> {
                    String plugin = toml.string(TomlSource.child(at, "plugin"));
                    String reason = toml.string(TomlSource.child(at, "reason"));
                    if (plugin == null || plugin.isBlank() || reason == null || reason.isBlank()) {
                        throw toml.invalid(
                                at,
                                "a known failure with a `plugin` and a `reason`",
                                toml.table(at).toMap());
                    }
                    String model = toml.string(TomlSource.child(at, "model"));
                    String test = toml.string(TomlSource.child(at, "test"));
                    String runtime = toml.string(TomlSource.child(at, "runtime"));
                    if (runtime != null && !runtimes.contains(runtime)) {
                        throw toml.invalid(
                                TomlSource.child(at, "runtime"),
                                "a configured runtime (" + String.join(", ", runtimes) + ")"
                                        + Suggest.didYouMean(runtime, runtimes),
                                runtime);
                    }
                    return new KnownFailure(
                            plugin,
                            runtime,
                            model == null ? "*" : model,
                            test == null ? "*" : test,
                            toml.string(TomlSource.child(at, "error")),
                            knownStatuses(toml, TomlSource.child(at, "statuses")),
                            toml.bool(TomlSource.child(at, "emulated-only")),
                            reason);
                });
    }

    private static Set<String> knownStatuses(TomlSource toml, List<String> path) {
        List<String> statuses = toml.stringList(path);
        if (statuses == null) return KnownFailure.DEFAULT_STATUSES;
        String expectation = "a non-empty list of " + String.join(", ", KnownFailure.STATUSES);
        if (statuses.isEmpty()) throw toml.invalid(path, expectation, statuses);
        for (String s : statuses) if (!KnownFailure.STATUSES.contains(s)) throw toml.invalid(path, expectation, s);
        return Set.copyOf(statuses);
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

    private static Map<String, RuntimeConfig> runtimes(TomlSource toml, Path sharedSpecsDir) {
        Map<String, RuntimeConfig> out = toml.entries(TomlSource.child(ROOT, "runtimes"), rt -> {
            String name = rt.get(rt.size() - 1);
            if (!name.matches(RUNTIME_NAME))
                throw toml.invalid(rt, "named with lower-case letters, digits, '-' or '_'", name);
            TomlTable section = toml.table(rt);
            if (section == null) throw toml.invalid(rt, "a table", null);
            toml.checkKeys(rt, section, RUNTIME_KEYS);
            return runtime(toml, name, rt, sharedSpecsDir);
        });
        if (out.isEmpty()) {
            throw new ConformException(Diagnostic.error("E0104", "no runtimes configured in " + toml.file.getFileName())
                    .at(SourceLocation.of(toml.file))
                    .hint("add a [conform.runtimes.js], [conform.runtimes.python] or [conform.runtimes.go] table"));
        }
        return out;
    }

    private static RuntimeConfig runtime(TomlSource toml, String name, List<String> rt, Path sharedSpecsDir) {
        RuntimeConfig.Defaults defaults = RuntimeConfig.KNOWN.get(name);
        Path base = toml.file.toAbsolutePath().getParent();
        Path entriesDir = orElse(
                toml.directory(TomlSource.child(rt, "entries-dir")),
                base.resolve("entries").resolve(name));
        String entryFile = toml.string(TomlSource.child(rt, "entry-file"));
        List<String> command = toml.stringList(TomlSource.child(rt, "entry-command"));
        if (entryFile == null && defaults == null) throw missing(toml, rt, "entry-file", "a path like \"{plugin}.py\"");
        if (command == null && defaults == null)
            throw missing(toml, rt, "entry-command", "an argv list like [\"python\", \"{entry}\"]");
        entryFile = orElse(entryFile, defaults == null ? null : defaults.entryFile());
        if (!entryFile.contains(RuntimeConfig.PLUGIN_PLACEHOLDER))
            throw toml.invalid(TomlSource.child(rt, "entry-file"), "a path containing {plugin}", entryFile);
        command = orElse(command, defaults == null ? null : defaults.entryCommand());
        if (command.isEmpty())
            throw toml.invalid(TomlSource.child(rt, "entry-command"), "a non-empty argv list", command);
        List<String> plugins = orElse(toml.stringList(TomlSource.child(rt, "plugins")), List.of());
        List<String> toolchain = orElse(
                toml.stringList(TomlSource.child(rt, "toolchain")),
                defaults == null ? List.of() : defaults.toolchain());
        List<String> setupPath = TomlSource.child(rt, "setup");
        List<SetupStep> setup = toml.has(setupPath)
                ? setupSteps(toml, setupPath)
                : defaults == null ? List.of() : defaults.setupFor(command);
        return new RuntimeConfig(
                name,
                orElse(toml.directory(TomlSource.child(rt, "cwd")), entriesDir),
                entriesDir,
                orElse(toml.directory(TomlSource.child(rt, "specs-dir")), sharedSpecsDir),
                entryFile,
                List.copyOf(command),
                List.copyOf(plugins),
                List.copyOf(toolchain),
                setup,
                sources(toml, TomlSource.child(rt, "sources"), name),
                pluginsDir(toml, rt),
                transport(toml, TomlSource.child(rt, "transport")));
    }

    private static Transport transport(TomlSource toml, List<String> path) {
        String value = toml.string(path);
        if (value == null) return Transport.AUTO;
        return Transport.parse(value).orElseThrow(() -> toml.invalid(path, "\"auto\", \"v1\" or \"v2\"", value));
    }

    /**
     * {@code plugins-dir} (an existing directory, relative to the file) and the two lists that correct check-plugin's
     * rule; a package named in both would be at once taken and left out.
     */
    private static PluginsDir pluginsDir(TomlSource toml, List<String> rt) {
        List<PluginMention> additional = packageNames(toml, TomlSource.child(rt, "additional-model-plugins"));
        List<PluginMention> ignore = packageNames(toml, TomlSource.child(rt, "ignore-plugins"));
        for (PluginMention taken : additional) {
            for (PluginMention left : ignore) {
                if (!taken.plugin().equals(left.plugin())) continue;
                throw new ConformException(Diagnostic.error(
                                "E0102",
                                "`" + left.plugin() + "` is in both `" + taken.key() + "` and `" + left.key() + "`")
                        .at(left.location())
                        .hint("keep it in one of them: additional-model-plugins checks it, ignore-plugins"
                                + " leaves it out"));
            }
        }
        return new PluginsDir(toml.directory(TomlSource.child(rt, "plugins-dir")), additional, ignore);
    }

    /** A list of package names, each kept with its own line for the error when it names no package. */
    private static List<PluginMention> packageNames(TomlSource toml, List<String> path) {
        List<String> names = toml.stringList(path);
        if (names == null) return List.of();
        List<PluginMention> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isBlank())
                throw toml.invalid(path, "a list of plugin directory or package names", names.get(i));
            out.add(new PluginMention(
                    names.get(i), TomlSource.dotted(path), toml.location(TomlSource.child(path, String.valueOf(i)))));
        }
        return List.copyOf(out);
    }

    /** The plugins directory's keys, which the seed tool read from [conform], live with each runtime here. */
    private static void perRuntimeOnly(TomlSource toml, TomlTable conform) {
        for (String key : PLUGINS_DIR_KEYS) {
            if (!conform.contains(List.of(key))) continue;
            throw new ConformException(Diagnostic.error("E0103", "`conform." + key + "` belongs to a runtime")
                    .at(toml.location(TomlSource.child(ROOT, key)))
                    .note("a plugin's directory is named differently in each runtime (go/plugins/googlegenai,"
                            + " js/plugins/google-genai)")
                    .hint("move it under [conform.runtimes.<name>], beside that runtime's plugins-dir"));
        }
    }

    /**
     * {@code sources = {"<package>" = "<dir>"}}: each an existing directory relative to the file. Whether the runtime
     * can use it is the runtime's to say ({@code SourceOverlay}).
     */
    private static List<LocalSource> sources(TomlSource toml, List<String> path, String runtime) {
        return List.copyOf(toml.entries(path, key -> {
                    Path dir = toml.directory(key);
                    if (dir == null) throw toml.invalid(key, "the path of the package's local source", null);
                    return new LocalSource(
                            runtime, key.get(key.size() - 1), dir, TomlSource.dotted(key), toml.location(key));
                })
                .values());
    }

    private static List<SetupStep> setupSteps(TomlSource toml, List<String> path) {
        return toml.tables(path, "a list of steps like {run = [\"npm\", \"ci\"]}", STEP_KEYS, step -> {
            List<String> run = toml.stringList(TomlSource.child(step, "run"));
            if (run == null || run.isEmpty())
                throw toml.invalid(
                        step,
                        "a step with a non-empty `run` argv",
                        toml.table(step).toMap());
            List<String> inputs = toml.stringList(TomlSource.child(step, "inputs"));
            return new SetupStep(
                    List.copyOf(run),
                    inputs == null ? List.of() : List.copyOf(inputs),
                    toml.string(TomlSource.child(step, "creates")));
        });
    }

    private static ConformException missing(TomlSource toml, List<String> rt, String key, String example) {
        return new ConformException(Diagnostic.error(
                        "E0104",
                        "[" + TomlSource.dotted(rt) + "] needs `" + key + "`: conform has no default for runtime `"
                                + rt.get(rt.size() - 1) + "`")
                .at(toml.location(rt))
                .hint("set " + key + " to " + example));
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
