package conform.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML or JSON document as a Jackson tree plus the line and column of every node, keyed by JSON Pointer
 * ("/0/tests/1/input"), so that every spec error can name file:line:column. YAML anchors and aliases are expanded.
 */
public final class SourceTree {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(parserLimits())
            .build();
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(parserLimits())
            .loaderOptions(yamlLimits())
            .build();

    private final Path file;
    private final JsonNode root;
    private final Map<String, SourceLocation> locations;

    private SourceTree(Path file, JsonNode root, Map<String, SourceLocation> locations) {
        this.file = file;
        this.root = root;
        this.locations = locations;
    }

    public static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase().endsWith(".json");
    }

    public static SourceTree parse(Path file) {
        checkSize(file);
        try (JsonParser parser = (isJson(file) ? JSON : YAML).createParser(file.toFile())) {
            return read(file, parser);
        } catch (JsonProcessingException e) {
            throw SyntaxError.of(file, e);
        } catch (IOException e) {
            throw new ConformException(Diagnostic.error("E0200", "cannot read " + file + ": " + e.getMessage())
                    .at(SourceLocation.of(file)));
        }
    }

    /** Parses YAML text (used for the built-in test cases, which ship inside the jar). */
    public static SourceTree parseYaml(Path nameForMessages, String text) {
        try (JsonParser parser = YAML.createParser(text)) {
            return read(nameForMessages, parser);
        } catch (JsonProcessingException e) {
            throw SyntaxError.of(nameForMessages, e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SourceTree read(Path file, JsonParser parser) throws IOException {
        Map<String, SourceLocation> locations = new HashMap<>();
        JsonToken first = parser.nextToken();
        JsonNode root =
                first == null ? MissingNode.getInstance() : new TreeReader(file, parser, locations).value("", 0);
        if (first != null && parser.nextToken() != null) {
            throw new ConformException(Diagnostic.error("E0201", "more than one document in the file")
                    .at(at(file, parser.currentTokenLocation())));
        }
        return new SourceTree(file, root, locations);
    }

    private static void checkSize(Path file) {
        try {
            long size = Files.size(file);
            if (size > SpecLimits.MAX_FILE_BYTES) {
                throw new ConformException(Diagnostic.error(
                                "E0205",
                                "the spec file has " + size + " bytes; conform reads specs of up to "
                                        + SpecLimits.mib(SpecLimits.MAX_FILE_BYTES))
                        .at(SourceLocation.of(file))
                        .hint("a spec lists models and tests; keep large media out of it (use an http URL)"));
            }
        } catch (IOException e) {
            throw new ConformException(Diagnostic.error("E0200", "cannot read " + file + ": " + e.getMessage())
                    .at(SourceLocation.of(file)));
        }
    }

    /** The parsers' own bounds sit above {@link SpecLimits}, so that conform's checks, with locations, come first. */
    private static StreamReadConstraints parserLimits() {
        return StreamReadConstraints.builder()
                .maxDocumentLength(SpecLimits.MAX_FILE_BYTES)
                .maxNestingDepth(2 * SpecLimits.MAX_DEPTH)
                .build();
    }

    private static LoaderOptions yamlLimits() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) SpecLimits.MAX_FILE_BYTES);
        return options;
    }

    static SourceLocation at(Path file, JsonLocation where) {
        return where == null
                ? SourceLocation.of(file)
                : new SourceLocation(file, Math.max(where.getLineNr(), 0), Math.max(where.getColumnNr(), 0));
    }

    public Path file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** The location of the node at {@code pointer}, or of its nearest located ancestor. */
    public SourceLocation location(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            SourceLocation found = locations.get(p);
            if (found != null) return found;
            if (p.isEmpty()) return SourceLocation.of(file);
        }
    }
}
