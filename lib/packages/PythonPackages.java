package conform.packages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;

/**
 * Python projects: a folder with a pyproject.toml. A model plugin depends on genkit and its sources define a model
 * with Genkit's API (model action metadata, an action of kind MODEL, or {@code ai.define_model}).
 */
final class PythonPackages implements PackageReader {

    private static final Pattern MODEL = Pattern.compile("\\.define_(?:background_)?model\\s*\\("
            + "|\\bmodel_action_metadata\\s*\\("
            + "|\\bkind\\s*=\\s*ActionKind\\.MODEL\\b");
    private static final Pattern REQUIREMENT = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final Pattern FROM_IMPORT = Pattern.compile("(?m)^\\s*from\\s+([\\w.]+)\\s+import\\b");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([\\w.]+(?:\\s*,\\s*[\\w.]+)*)");
    private static final Pattern PLUGIN_CLASS =
            Pattern.compile("(?m)^class\\s+(\\w+)\\s*\\(([^)]*\\bPlugin\\b[^)]*)\\)\\s*:");
    private static final Set<String> NOT_MODULES = Set.of("tests", "test", "docs", "build", "dist", "samples");
    private static final Set<String> NOT_MODULE_FILES = Set.of("setup", "conftest", "noxfile");

    @Override
    public String describe() {
        return "Python projects (folders with a pyproject.toml)";
    }

    @Override
    public Optional<PluginPackage> read(Path dir) {
        Path pyproject = dir.resolve("pyproject.toml");
        if (!Files.isRegularFile(pyproject)) return Optional.empty();
        TomlParseResult toml;
        try {
            toml = Toml.parse(pyproject);
        } catch (IOException e) {
            toml = null;
        }
        if (toml == null || toml.hasErrors()) {
            String why = "its pyproject.toml cannot be read"
                    + (toml == null ? "" : ": " + toml.errors().get(0).toString());
            return Optional.of(new PluginPackage(dir, null, null, List.of(), ".", why, null));
        }
        String name = toml.getString("project.name");
        Path root = sourceRoot(dir);
        String excluded = name != null && normalized(name).equals("genkit")
                ? "Genkit itself"
                : dependsOnGenkit(toml.getArray("project.dependencies")) ? null : "it does not depend on genkit";
        Evidence evidence = excluded != null
                ? null
                : SourceFiles.firstMatch(SourceFiles.under(root, List.of(".py")), MODEL)
                        .orElse(null);
        return Optional.of(new PluginPackage(
                dir, name, toml.getString("project.version"), modules(root), ".", excluded, evidence));
    }

    /** A project name as PyPI compares them (PEP 503): case and runs of '-', '_', '.' do not matter. */
    static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    private static boolean dependsOnGenkit(TomlArray dependencies) {
        if (dependencies == null) return false;
        for (int i = 0; i < dependencies.size(); i++) {
            if (!(dependencies.get(i) instanceof String requirement)) continue;
            Matcher m = REQUIREMENT.matcher(requirement);
            if (m.find() && normalized(m.group(1)).equals("genkit")) return true;
        }
        return false;
    }

    /** Where the project's modules are: {@code src/} in the src layout, else the project's folder. */
    private static Path sourceRoot(Path dir) {
        return Files.isDirectory(dir.resolve("src")) ? dir.resolve("src") : dir;
    }

    /**
     * The modules an import names to use the project: each top package (a folder with an {@code __init__.py}, found
     * through namespace folders such as {@code genkit/plugins/}), and each module file at the top.
     */
    private static List<String> modules(Path root) {
        List<String> found = new ArrayList<>();
        collect(root, "", 0, found);
        return List.copyOf(found);
    }

    private static void collect(Path dir, String prefix, int depth, List<String> found) {
        for (Path child : children(dir)) {
            String name = child.getFileName().toString();
            if (Files.isDirectory(child)) {
                if (!name.matches("[A-Za-z_]\\w*") || NOT_MODULES.contains(name)) continue;
                if (Files.isRegularFile(child.resolve("__init__.py"))) found.add(prefix + name);
                else if (depth < 3) collect(child, prefix + name + ".", depth + 1, found);
            } else if (depth == 0 && name.matches("[A-Za-z]\\w*\\.py")) {
                String module = name.substring(0, name.length() - 3);
                if (!NOT_MODULE_FILES.contains(module)) found.add(module);
            }
        }
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public Set<String> imports(Path entry) {
        String text = SourceFiles.read(entry);
        Set<String> found = new LinkedHashSet<>();
        Matcher from = FROM_IMPORT.matcher(text);
        while (from.find()) found.add(from.group(1));
        Matcher plain = IMPORT.matcher(text);
        while (plain.find()) for (String module : plain.group(1).split(",")) found.add(module.strip());
        return found;
    }

    /**
     * The project's classes that subclass Genkit's {@code Plugin}, the closest to the plugin's name first, each
     * imported from its top package when that re-exports it, else from the module that defines it.
     */
    @Override
    public PluginFactory factory(PluginPackage pkg, String plugin) {
        Path root = sourceRoot(pkg.dir());
        Map<String, String> moduleOf = new LinkedHashMap<>();
        for (Path file : SourceFiles.under(root, List.of(".py"))) {
            Matcher m = PLUGIN_CLASS.matcher(SourceFiles.read(file));
            while (m.find()) moduleOf.putIfAbsent(m.group(1), importFrom(root, file, m.group(1), pkg.modules()));
        }
        List<String> ranked = Candidates.rank(List.copyOf(moduleOf.keySet()), plugin, null);
        if (ranked.isEmpty()) {
            String module = pkg.modules().isEmpty()
                    ? plugin.replace('-', '_')
                    : pkg.modules().get(0);
            return new PluginFactory(module, Candidates.joined(plugin, true), false, null, false, List.of(), false);
        }
        return new PluginFactory(
                moduleOf.get(ranked.get(0)), ranked.get(0), false, null, false, ranked.subList(1, ranked.size()), true);
    }

    private static String importFrom(Path root, Path file, String symbol, List<String> tops) {
        String relative = root.relativize(file).toString();
        String module = relative.substring(0, relative.length() - ".py".length())
                .replace('/', '.')
                .replaceAll("\\.__init__$", "");
        for (String top : tops) {
            if (!module.equals(top) && !module.startsWith(top + ".")) continue;
            Path init = root.resolve(top.replace('.', '/')).resolve("__init__.py");
            if (Pattern.compile("\\b" + symbol + "\\b")
                    .matcher(SourceFiles.read(init))
                    .find()) return top;
        }
        return module;
    }
}
