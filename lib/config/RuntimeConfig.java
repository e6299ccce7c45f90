package conform.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How to find and start one runtime's entries ({@code [conform.runtimes.<name>]}).
 *
 * @param cwd          the runtime's project root: the child's working directory, where the SDK writes its runtime file
 * @param entryFile    the entry's path below {@code entriesDir}, with {@code {plugin}} standing for the plugin name
 * @param entryCommand argv that starts an entry; {@code {entry}} and {@code {plugin}} are substituted
 * @param plugins      the plugins this runtime is expected to cover (empty: not declared, so whatever has an entry)
 */
public record RuntimeConfig(String name, Path cwd, Path entriesDir, Path specsDir, String entryFile,
                            List<String> entryCommand, List<String> plugins) {

    public static final String PLUGIN_PLACEHOLDER = "{plugin}";
    public static final String ENTRY_PLACEHOLDER = "{entry}";

    /** Entry layout and launch command of the runtimes conform knows, used where conform.toml is silent. */
    record Defaults(String entryFile, List<String> entryCommand) {}

    static final Map<String, Defaults> KNOWN = Map.of(
            "js", new Defaults("{plugin}.ts", List.of("node", "--import", "tsx", ENTRY_PLACEHOLDER)),
            "python", new Defaults("{plugin}.py", List.of(".venv/bin/python", ENTRY_PLACEHOLDER)),
            "go", new Defaults("{plugin}/main.go", List.of("bin/{plugin}")));

    public Path entryPath(String plugin) {
        return entriesDir.resolve(entryFile.replace(PLUGIN_PLACEHOLDER, plugin)).normalize();
    }

    public List<String> commandFor(String plugin) {
        String entry = entryPath(plugin).toString();
        return entryCommand.stream().map(a -> a.replace(ENTRY_PLACEHOLDER, entry).replace(PLUGIN_PLACEHOLDER, plugin)).toList();
    }

    /** Plugin names that have an entry file on disk, sorted. */
    public List<String> pluginsWithEntries() {
        Path pattern = Path.of(entryFile);
        int level = 0;
        while (level < pattern.getNameCount() && !pattern.getName(level).toString().contains(PLUGIN_PLACEHOLDER)) level++;
        if (level == pattern.getNameCount()) return List.of();
        Path parent = level == 0 ? entriesDir : entriesDir.resolve(pattern.subpath(0, level));
        Pattern segment = Pattern.compile(Pattern.quote(pattern.getName(level).toString())
                .replace(PLUGIN_PLACEHOLDER, "\\E([A-Za-z0-9][A-Za-z0-9._-]*)\\Q"));
        TreeSet<String> found = new TreeSet<>();
        try (Stream<Path> children = Files.list(parent)) {
            children.forEach(child -> {
                Matcher m = segment.matcher(child.getFileName().toString());
                if (m.matches() && Files.isRegularFile(entryPath(m.group(1)))) found.add(m.group(1));
            });
        } catch (IOException noEntriesDir) {
            return List.of();
        }
        return List.copyOf(found);
    }
}
