package conform.packages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Go packages: a folder with .go files (below it too: a plugin's subpackages are part of it). A model plugin's code
 * defines a model with Genkit's API ({@code genkit.DefineModel}, {@code ai.NewModelAction}, …), or has a
 * {@code DefineModel} method, as plugins do that make their models in a shared internal package. A folder named
 * {@code internal} is no plugin: Go lets nothing outside its module import it.
 */
final class GoPackages implements PackageReader {

    private static final Pattern MODEL =
            Pattern.compile("\\b(?:genkit|ai)\\.(?:Define|New)(?:Background)?Model(?:Action)?\\s*\\("
                    + "|(?m)^func\\s*\\([^)]*\\)\\s*DefineModel\\s*\\(");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+(\\w+)");
    private static final Pattern IMPORT_BLOCK = Pattern.compile("(?s)(?m)^import\\s*\\((.*?)\\)");
    private static final Pattern SINGLE_IMPORT = Pattern.compile("(?m)^import\\s+(?:[\\w.]+\\s+)?\"([^\"]+)\"");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final String RECEIVER = "(?m)^func\\s*\\(\\s*\\w*\\s*\\*?\\s*(%s)\\s*\\)\\s*%s\\s*\\(";
    private static final Pattern INIT_METHOD = Pattern.compile(RECEIVER.formatted("\\w+", "Init"));
    private static final List<String> GO = List.of(".go");

    @Override
    public String describe() {
        return "Go packages (folders with .go files)";
    }

    @Override
    public Optional<PluginPackage> read(Path dir) {
        String name = dir.getFileName().toString();
        if (name.equals("internal") || name.equals("testdata")) return Optional.empty();
        List<Path> files = SourceFiles.under(dir, GO);
        if (files.isEmpty()) return Optional.empty();
        String importPath = importPath(dir);
        return Optional.of(new PluginPackage(
                dir,
                importPath,
                null,
                importPath == null ? List.of() : List.of(importPath),
                "/",
                null,
                SourceFiles.firstMatch(files, MODEL).orElse(null)));
    }

    /** A Go module: its folder (where its go.mod is) and its path. */
    record Module(Path dir, String path) {}

    /** The module {@code dir} belongs to: the nearest go.mod at or above it. */
    static Optional<Module> moduleOf(Path dir) {
        for (Path at = dir; at != null; at = at.getParent()) {
            Path goMod = at.resolve("go.mod");
            if (!Files.isRegularFile(goMod)) continue;
            Matcher m = Pattern.compile("(?m)^module\\s+\"?([^\\s\"]+)").matcher(SourceFiles.read(goMod));
            return m.find() ? Optional.of(new Module(at, m.group(1))) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The import path of {@code dir}: its module's path, and the way down from the module's folder. */
    static String importPath(Path dir) {
        return moduleOf(dir)
                .map(m -> {
                    String below = m.dir().relativize(dir).toString().replace('\\', '/');
                    return below.isEmpty() ? m.path() : m.path() + "/" + below;
                })
                .orElse(null);
    }

    /** The import paths of the entry's package: every .go file of the entry's folder. */
    @Override
    public Set<String> imports(Path entry) {
        Set<String> found = new LinkedHashSet<>();
        for (Path file : packageFiles(entry.getParent())) {
            String text = SourceFiles.read(file);
            Matcher block = IMPORT_BLOCK.matcher(text);
            while (block.find()) {
                Matcher quoted = QUOTED.matcher(block.group(1));
                while (quoted.find()) found.add(quoted.group(1));
            }
            Matcher single = SINGLE_IMPORT.matcher(text);
            while (single.find()) found.add(single.group(1));
        }
        return found;
    }

    /**
     * The types of the plugin's package that have an {@code Init} method (a Genkit Go plugin), the closest to the
     * plugin's name first; when its top package has none, those of its subpackages ({@code compat_oai/openai}).
     */
    @Override
    public PluginFactory factory(PluginPackage pkg, String plugin) {
        Map<String, Path> declaredIn = pluginTypes(pkg.dir());
        if (declaredIn.isEmpty()) {
            for (Path sub : subfolders(pkg.dir())) pluginTypes(sub).forEach(declaredIn::putIfAbsent);
        }
        String module = pkg.pkg() == null ? pkg.folder() : pkg.pkg();
        if (declaredIn.isEmpty()) {
            return new PluginFactory(
                    module, Candidates.joined(plugin, true), false, packageName(pkg.dir()), false, List.of(), false);
        }
        List<String> ranked = Candidates.rank(List.copyOf(declaredIn.keySet()), plugin, null);
        Path dir = declaredIn.get(ranked.get(0));
        String below = pkg.dir().relativize(dir).toString();
        String type = ranked.get(0);
        return new PluginFactory(
                below.isEmpty() ? module : module + "/" + below,
                type,
                false,
                packageName(dir),
                Pattern.compile(RECEIVER.formatted(Pattern.quote(type), "ResolveAction"))
                        .matcher(packageText(dir))
                        .find(),
                ranked.subList(1, ranked.size()),
                true);
    }

    private static Map<String, Path> pluginTypes(Path dir) {
        Map<String, Path> types = new LinkedHashMap<>();
        Matcher m = INIT_METHOD.matcher(packageText(dir));
        while (m.find()) types.putIfAbsent(m.group(1), dir);
        return types;
    }

    private static String packageName(Path dir) {
        Matcher m = PACKAGE.matcher(packageText(dir));
        return m.find() ? m.group(1) : dir.getFileName().toString().replaceAll("\\W", "_");
    }

    /** The text of a package's own .go files (not its tests), together. */
    private static String packageText(Path dir) {
        return packageFiles(dir).stream().map(SourceFiles::read).collect(Collectors.joining("\n"));
    }

    private static List<Path> packageFiles(Path dir) {
        return list(dir).stream()
                .filter(f -> f.getFileName().toString().endsWith(".go")
                        && !f.getFileName().toString().endsWith("_test.go")
                        && Files.isRegularFile(f))
                .toList();
    }

    private static List<Path> subfolders(Path dir) {
        return list(dir).stream()
                .filter(Files::isDirectory)
                .filter(d -> !d.getFileName().toString().equals("internal"))
                .toList();
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> all = Files.list(dir)) {
            return new ArrayList<>(all.sorted().toList());
        } catch (IOException e) {
            return List.of();
        }
    }
}
