package conform.spec;

import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The spec files of a specs directory: {@code <plugin>.yaml}, {@code .yml} or {@code .json}, one per plugin. */
public final class SpecFiles {

    static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json");

    private SpecFiles() {}

    /** Plugin name → spec file, sorted by name; an absent directory has none. */
    public static Map<String, Path> find(Path specsDir) {
        Map<String, Path> found = new TreeMap<>();
        if (!Files.isDirectory(specsDir)) return found;
        try (Stream<Path> files = Files.list(specsDir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                for (String ext : EXTENSIONS) {
                    if (!name.endsWith(ext) || name.length() == ext.length()) continue;
                    Path other = found.put(name.substring(0, name.length() - ext.length()), file);
                    if (other != null) {
                        throw new ConformException(Diagnostic.error(
                                        "E0204",
                                        "two spec files for one plugin: " + other.getFileName() + " and " + name)
                                .at(SourceLocation.of(file))
                                .hint("keep one of them"));
                    }
                }
            }
        } catch (IOException e) {
            throw new ConformException(
                    Diagnostic.error("E0200", "cannot list specs in " + specsDir + ": " + e.getMessage()));
        }
        return found;
    }
}
