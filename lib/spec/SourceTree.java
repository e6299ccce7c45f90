package conform.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML or JSON document as a Jackson tree plus the line and column of every node, keyed by JSON Pointer
 * ("/0/tests/1/input"), so that every spec error can name file:line:column. YAML anchors and aliases are expanded.
 */
public final class SourceTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
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
        try (JsonParser parser = (isJson(file) ? JSON : YAML).createParser(file.toFile())) {
            return read(file, parser);
        } catch (JsonProcessingException e) {
            throw syntaxError(file, e);
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
            throw syntaxError(nameForMessages, e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SourceTree read(Path file, JsonParser parser) throws IOException {
        Map<String, SourceLocation> locations = new HashMap<>();
        JsonToken first = parser.nextToken();
        JsonNode root = first == null ? NODES.missingNode() : new Reader(file, parser, locations).value("");
        if (first != null && parser.nextToken() != null) {
            throw new ConformException(Diagnostic.error("E0201", "more than one document in the file")
                    .at(at(file, parser.currentTokenLocation())));
        }
        return new SourceTree(file, root, locations);
    }

    private static ConformException syntaxError(Path file, JsonProcessingException e) {
        String message = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
        return new ConformException(
                Diagnostic.error("E0201", "invalid " + (isJson(file) ? "JSON" : "YAML") + ": " + message)
                        .at(at(file, e.getLocation())));
    }

    private static SourceLocation at(Path file, JsonLocation where) {
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

    /** Walks the token stream once, building nodes and recording where each one starts. */
    private record Reader(
            Path file, JsonParser parser, Map<String, SourceLocation> locations, Map<String, JsonNode> anchors) {

        Reader(Path file, JsonParser parser, Map<String, SourceLocation> locations) {
            this(file, parser, locations, new HashMap<>());
        }

        JsonNode value(String pointer) throws IOException {
            locations.put(pointer, at(file, parser.currentTokenLocation()));
            if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                JsonNode anchored = anchors.get(yaml.getText());
                if (anchored == null) {
                    throw new ConformException(Diagnostic.error("E0201", "unknown YAML alias *" + yaml.getText())
                            .at(locations.get(pointer)));
                }
                return anchored.deepCopy();
            }
            String anchor =
                    parser instanceof YAMLParser yaml ? yaml.getObjectId() instanceof String id ? id : null : null;
            JsonNode node = switch (parser.currentToken()) {
                case START_OBJECT -> object(pointer);
                case START_ARRAY -> array(pointer);
                case VALUE_STRING -> NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT ->
                    switch (parser.getNumberType()) {
                        case INT -> NODES.numberNode(parser.getIntValue());
                        case LONG -> NODES.numberNode(parser.getLongValue());
                        default -> NODES.numberNode(parser.getBigIntegerValue());
                    };
                case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
                case VALUE_TRUE -> NODES.booleanNode(true);
                case VALUE_FALSE -> NODES.booleanNode(false);
                case VALUE_NULL -> NODES.nullNode();
                default -> NODES.textNode(parser.getText());
            };
            if (anchor != null) anchors.put(anchor, node);
            return node;
        }

        private ObjectNode object(String pointer) throws IOException {
            ObjectNode node = NODES.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                locations.put(child + "#key", at(file, parser.currentTokenLocation()));
                parser.nextToken();
                node.set(key, value(child));
            }
            return node;
        }

        private ArrayNode array(String pointer) throws IOException {
            ArrayNode node = NODES.arrayNode();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) node.add(value(pointer + "/" + index++));
            return node;
        }
    }
}
