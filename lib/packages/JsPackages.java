package conform.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * npm packages: a folder with a package.json. A model plugin depends on Genkit (genkit, or @genkit-ai/ai in older
 * plugins) and its sources (TypeScript, or the JavaScript a published package ships) define a model with Genkit's API.
 */
final class JsPackages implements PackageReader {

    /** Genkit's own packages: they are the model API, not plugins of it. */
    private static final Set<String> GENKIT = Set.of("genkit", "@genkit-ai/ai", "@genkit-ai/core");

    private static final List<String> DEPENDENCY_FIELDS =
            List.of("dependencies", "peerDependencies", "devDependencies", "optionalDependencies");
    private static final List<String> SUFFIXES = List.of(".ts", ".mts", ".cts", ".js", ".mjs", ".cjs");

    /**
     * A model defined with Genkit's API: {@code model} or {@code backgroundModel} imported from genkit/plugin (plugins
     * v2; a CommonJS build calls it as {@code (0, import_plugin.model)(…)}), {@code defineModel} imported from Genkit,
     * or {@code ai.defineModel(…)} (plugins v1).
     */
    private static final Pattern MODEL = Pattern.compile(
            "import\\s*\\{[^}]*\\b(?:model|backgroundModel)\\b[^}]*\\}\\s*from\\s*['\"]genkit/plugin['\"]"
                    + "|\\(0,\\s*[\\w$]+\\.(?:model|backgroundModel)\\)\\s*\\("
                    + "|import\\s*\\{[^}]*\\bdefine(?:Background)?Model\\b[^}]*\\}\\s*from\\s*"
                    + "['\"](?:genkit|@genkit-ai/ai)(?:/model)?['\"]"
                    + "|\\.define(?:Background)?Model\\s*\\(");

    private static final Pattern IMPORT =
            Pattern.compile("(?:\\bfrom|\\bimport|\\brequire\\s*\\()\\s*\\(?\\s*['\"]([^'\"\\s]+)['\"]");
    private static final String IDENTIFIER = "[A-Za-z_$][\\w$]*";
    private static final Pattern DEFAULT_EXPORT = Pattern.compile(
            "export\\s+default\\s+(?:(?:async\\s+)?function\\s*\\*?\\s*)?(" + IDENTIFIER + ")\\s*[;(\\n]");
    private static final Pattern DECLARED_EXPORT = Pattern.compile(
            "export\\s+(?:declare\\s+)?(?:async\\s+)?(?:function\\s*\\*?|const|let|var)\\s+(" + IDENTIFIER + ")");
    private static final Pattern LISTED_EXPORTS = Pattern.compile("export\\s*\\{([^}]*)\\}");

    @Override
    public String describe() {
        return "npm packages (folders with a package.json)";
    }

    @Override
    public Optional<PluginPackage> read(Path dir) {
        Path manifest = dir.resolve("package.json");
        if (!Files.isRegularFile(manifest)) return Optional.empty();
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(manifest.toFile());
        } catch (IOException e) {
            String why = "its package.json cannot be read: "
                    + e.getMessage().lines().findFirst().orElse("");
            return Optional.of(new PluginPackage(dir, null, null, List.of(), "/", why, null));
        }
        String name = json.path("name").isTextual() ? json.get("name").asText() : null;
        String version = json.path("version").isTextual() ? json.get("version").asText() : null;
        String excluded = name != null && GENKIT.contains(name)
                ? "Genkit itself"
                : dependsOnGenkit(json) ? null : "it does not depend on genkit";
        Evidence evidence = excluded != null
                ? null
                : SourceFiles.firstMatch(SourceFiles.under(dir, SUFFIXES), MODEL)
                        .orElse(null);
        return Optional.of(new PluginPackage(
                dir, name, version, name == null ? List.of() : List.of(name), "/", excluded, evidence));
    }

    private static boolean dependsOnGenkit(JsonNode json) {
        for (String field : DEPENDENCY_FIELDS) {
            for (Iterator<String> names = json.path(field).fieldNames(); names.hasNext(); )
                if (GENKIT.contains(names.next())) return true;
        }
        return false;
    }

    @Override
    public Set<String> imports(Path entry) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = IMPORT.matcher(SourceFiles.read(entry));
        while (m.find()) found.add(m.group(1));
        return found;
    }

    /**
     * The package's exported functions and constants that start in lower case (a plugin's factory, {@code anthropic},
     * {@code googleAI}), its default export first, then the closest to the plugin's name; read from its TypeScript
     * index, else from the file its package.json gives for types or code.
     */
    @Override
    public PluginFactory factory(PluginPackage pkg, String plugin) {
        String text = exportsFile(pkg.dir()).map(SourceFiles::read).orElse("");
        List<String> named = new ArrayList<>();
        String defaultExport = null;
        Matcher d = DEFAULT_EXPORT.matcher(text);
        if (d.find()) defaultExport = d.group(1);
        Matcher declared = DECLARED_EXPORT.matcher(text);
        while (declared.find()) named.add(declared.group(1));
        Matcher listed = LISTED_EXPORTS.matcher(text);
        while (listed.find()) {
            for (String item : listed.group(1).split(",")) {
                String[] parts = item.strip().split("\\s+as\\s+");
                if (parts[0].isEmpty() || parts[0].startsWith("type ")) continue;
                String exported = parts[parts.length - 1].strip();
                if (exported.equals("default")) defaultExport = parts[0].strip();
                else named.add(exported);
            }
        }
        if (defaultExport != null) named.add(defaultExport);
        List<String> candidates = Candidates.rank(
                named.stream().filter(n -> Character.isLowerCase(n.charAt(0))).toList(), plugin, defaultExport);
        if (candidates.isEmpty())
            return new PluginFactory(pkg.pkg(), Candidates.joined(plugin, false), false, null, false, List.of(), false);
        String chosen = candidates.get(0);
        return new PluginFactory(
                pkg.pkg(),
                chosen,
                chosen.equals(defaultExport),
                null,
                false,
                candidates.subList(1, candidates.size()),
                true);
    }

    private static Optional<Path> exportsFile(Path dir) {
        List<String> tried = new ArrayList<>(List.of("src/index.ts", "src/index.mts", "src/index.js", "src/index.mjs"));
        try {
            JsonNode json =
                    new ObjectMapper().readTree(dir.resolve("package.json").toFile());
            for (String field : List.of("types", "typings", "module", "main"))
                if (json.path(field).isTextual()) tried.add(json.get(field).asText());
        } catch (IOException unreadable) {
            // read() said so already; the usual places are tried
        }
        tried.addAll(List.of("index.ts", "index.d.ts", "index.js"));
        return tried.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
    }
}
