package conform.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Walks a parser's token stream once, building the tree, recording where each node starts, and expanding YAML
 * aliases, within {@link SpecLimits}: an alias counts as the whole tree it stands for.
 */
final class TreeReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** An anchored tree and its size, which every alias to it adds again. */
    private record Anchored(JsonNode node, int nodes, long chars) {}

    private final Path file;
    private final JsonParser parser;
    private final Map<String, SourceLocation> locations;
    private final Map<String, Anchored> anchors = new HashMap<>();
    private int nodes;
    private long chars;

    TreeReader(Path file, JsonParser parser, Map<String, SourceLocation> locations) {
        this.file = file;
        this.parser = parser;
        this.locations = locations;
    }

    /** The value at the parser's current token, which sits at {@code pointer}, {@code depth} levels down. */
    JsonNode value(String pointer, int depth) throws IOException {
        SourceLocation here = SourceTree.at(file, parser.currentTokenLocation());
        locations.put(pointer, here);
        if (depth > SpecLimits.MAX_DEPTH) {
            throw limit(here, "the spec nests mappings and lists more than " + SpecLimits.MAX_DEPTH + " levels deep");
        }
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) return alias(yaml.getText(), here);
        String anchor = parser instanceof YAMLParser yaml && yaml.getObjectId() instanceof String id ? id : null;
        int nodesBefore = nodes;
        long charsBefore = chars;
        count(1, 0, here);
        JsonNode node = switch (parser.currentToken()) {
            case START_OBJECT -> object(pointer, depth);
            case START_ARRAY -> array(pointer, depth);
            case VALUE_STRING -> text(parser.getText(), here);
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
            default -> text(parser.getText(), here);
        };
        if (anchor != null) anchors.put(anchor, new Anchored(node, nodes - nodesBefore, chars - charsBefore));
        return node;
    }

    private JsonNode alias(String name, SourceLocation here) {
        Anchored anchored = anchors.get(name);
        if (anchored == null) {
            throw new ConformException(Diagnostic.error("E0201", "unknown YAML alias *" + name)
                    .at(here)
                    .hint("anchor a mapping or a list with &" + name + " before this alias; an anchor on a single"
                            + " value is not supported, and an anchor cannot refer to itself"));
        }
        count(anchored.nodes(), anchored.chars(), here);
        return anchored.node().deepCopy();
    }

    private JsonNode text(String value, SourceLocation here) {
        count(0, value.length(), here);
        return NODES.textNode(value);
    }

    private ObjectNode object(String pointer, int depth) throws IOException {
        ObjectNode node = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
            SourceLocation keyAt = SourceTree.at(file, parser.currentTokenLocation());
            locations.put(child + "#key", keyAt);
            count(0, key.length(), keyAt);
            parser.nextToken();
            node.set(key, value(child, depth + 1));
        }
        return node;
    }

    private ArrayNode array(String pointer, int depth) throws IOException {
        ArrayNode node = NODES.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) node.add(value(pointer + "/" + index++, depth + 1));
        return node;
    }

    private void count(int moreNodes, long moreChars, SourceLocation here) {
        nodes += moreNodes;
        chars += moreChars;
        if (nodes > SpecLimits.MAX_NODES)
            throw limit(here, "the spec grows beyond " + SpecLimits.MAX_NODES + " values" + expansion());
        if (chars > SpecLimits.MAX_TEXT_CHARS)
            throw limit(
                    here, "the spec's text grows beyond " + SpecLimits.mib(SpecLimits.MAX_TEXT_CHARS) + expansion());
    }

    private String expansion() {
        return anchors.isEmpty() ? "" : " once its YAML aliases are expanded";
    }

    private ConformException limit(SourceLocation here, String message) {
        return new ConformException(Diagnostic.error("E0205", message)
                .at(here)
                .note("conform reads specs of up to " + SpecLimits.MAX_NODES + " values, "
                        + SpecLimits.mib(SpecLimits.MAX_TEXT_CHARS) + " of text after aliases, "
                        + SpecLimits.MAX_DEPTH + " levels and " + SpecLimits.mib(SpecLimits.MAX_FILE_BYTES)
                        + " of file; real specs are far smaller")
                .hint("check the file for aliases that multiply (&a [*b, *b, …]) or a runaway structure"));
    }
}
