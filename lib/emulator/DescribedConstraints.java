package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Constraints a schema states in its description rather than as keywords: the Anthropic SDK moves those the API does
 * not take (pattern, minimum, maximum, minItems above 1…) into the description as {@code {pattern: ^[0-9]{5}$}}
 * ({@code anthropic/lib/_parse/_transform.py}, "so that the model *might* follow them"); a model follows them, and so
 * does the reference model.
 */
final class DescribedConstraints {

    private static final String KEYS =
            "pattern|minimum|maximum|exclusiveMinimum|exclusiveMaximum|multipleOf|minLength|maxLength|minItems|maxItems"
                    + "|format";
    /** The trailing {key: value, key: value} the SDK appends, after a blank line or alone. */
    private static final Pattern BLOCK = Pattern.compile("(?s)(?:^|\\n\\n)\\{((?:" + KEYS + "): .*)}$");

    private static final Pattern ENTRY = Pattern.compile("(" + KEYS + "): (.*?)(?=, (?:" + KEYS + "): |$)");

    private DescribedConstraints() {}

    /** {@code schema} with the constraints its description states as keywords, or itself when it states none. */
    static JsonNode applied(JsonNode schema) {
        Matcher block = BLOCK.matcher(schema.path("description").asText(""));
        if (!block.find()) return schema;
        ObjectNode out = ((ObjectNode) schema).deepCopy();
        Matcher entry = ENTRY.matcher(block.group(1));
        while (entry.find()) {
            String key = entry.group(1);
            String value = entry.group(2);
            if (key.equals("pattern") || key.equals("format")) out.put(key, value);
            else {
                try {
                    out.put(key, new java.math.BigDecimal(value));
                } catch (NumberFormatException e) {
                    // not a number the emulator can honour: the constraint stays words
                }
            }
        }
        return out;
    }
}
