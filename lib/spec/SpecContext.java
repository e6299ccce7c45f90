package conform.spec;

import com.fasterxml.jackson.databind.JsonNode;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.Suggest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The file being checked: turns a problem at a JSON Pointer into an error or a warning at file:line:column. */
final class SpecContext {

    final SourceTree tree;
    final List<Diagnostic> warnings = new ArrayList<>();

    SpecContext(SourceTree tree) {
        this.tree = tree;
    }

    ConformException error(String pointer, String message) {
        return new ConformException(Diagnostic.error("E0202", message)
                .at(tree.location(pointer))
                .hint("fix " + tree.file().getFileName() + "; the spec format is described in the README"));
    }

    ConformException error(String pointer, String message, String hint) {
        return new ConformException(
                Diagnostic.error("E0202", message).at(tree.location(pointer)).hint(hint));
    }

    void warn(String pointer, String code, String message) {
        warnings.add(Diagnostic.warning(code, message).at(tree.location(pointer)));
    }

    /** Rejects keys outside {@code allowed}, pointing at the key and suggesting the nearest known one. */
    void checkKeys(JsonNode object, String pointer, String what, Set<String> allowed) {
        object.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                String where = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                throw new ConformException(Diagnostic.error(
                                "E0202", "unknown key `" + key + "` in " + what + Suggest.didYouMean(key, allowed))
                        .at(tree.location(where + "#key"))
                        .note("allowed keys: " + String.join(", ", new TreeSet<>(allowed))));
            }
        });
    }

    JsonNode object(JsonNode node, String pointer, String what) {
        if (node == null || !node.isObject()) throw error(pointer, what + " must be a mapping, got " + kind(node));
        return node;
    }

    JsonNode array(JsonNode node, String pointer, String what) {
        if (node == null || !node.isArray()) throw error(pointer, what + " must be a list, got " + kind(node));
        return node;
    }

    String text(JsonNode node, String pointer, String what) {
        if (node == null || !node.isTextual() || node.asText().isBlank())
            throw error(pointer, what + " must be a non-empty string, got " + kind(node));
        return node.asText();
    }

    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) return "nothing";
        if (node.isNull()) return "null";
        if (node.isObject()) return "a mapping";
        if (node.isArray()) return "a list";
        if (node.isTextual()) return "the string \"" + abbreviate(node.asText()) + "\"";
        if (node.isBoolean()) return "the boolean " + node.asBoolean();
        return "the number " + node.asText();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    static Set<String> sorted(Collection<String> names) {
        return new TreeSet<>(names);
    }
}
