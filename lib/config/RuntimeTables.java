package conform.config;

import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tomlj.TomlTable;

/** The {@code [conform.runtimes.<name>]} tables of conform.toml: each runtime's project, entries, setup and sources. */
final class RuntimeTables {

    private static final String RUNTIME_NAME = "[a-z][a-z0-9_-]*";
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

    private RuntimeTables() {}

    static Map<String, RuntimeConfig> read(TomlSource toml, Path sharedSpecsDir) {
        Map<String, RuntimeConfig> out = toml.entries(TomlSource.child(ConfigLoader.ROOT, "runtimes"), rt -> {
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
    static void perRuntimeOnly(TomlSource toml, TomlTable conform) {
        for (String key : PLUGINS_DIR_KEYS) {
            if (!conform.contains(List.of(key))) continue;
            throw new ConformException(Diagnostic.error("E0103", "`conform." + key + "` belongs to a runtime")
                    .at(toml.location(TomlSource.child(ConfigLoader.ROOT, key)))
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
