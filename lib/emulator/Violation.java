package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * A request the real provider refuses, as the emulator refuses it: the HTTP status, the provider's error type or
 * status name, and a message that says what is wrong where and names the emulator's rule (each rule is listed with
 * its source in docs/emulator.md), so that the reason reaches conform's failure text.
 *
 * @param type the provider's name for the error: {@code invalid_request_error}, {@code not_found_error},
 *             {@code INVALID_ARGUMENT}, …
 */
public record Violation(int status, String type, String rule, String detail) {

    /** What the provider's error body says: the detail, then the rule it breaks. */
    public String message() {
        return detail + " [conform emulator rule " + rule + "]";
    }

    static Violation badRequest(String type, String rule, String detail) {
        return new Violation(400, type, rule, detail);
    }

    /** The first field of {@code object} that {@code known} lacks, or null. */
    static String unknownField(JsonNode object, Collection<String> known) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) return name;
        }
        return null;
    }

    /**
     * A model the emulator serves for a dialect. The providers also serve each model under its dated snapshot names
     * ({@code claude-sonnet-4-20250514}, {@code gpt-4o-2024-08-06}), which some plugins send; Ollama serves an
     * untagged name as {@code :latest}.
     */
    static boolean served(Collection<String> models, String model) {
        String undated = SNAPSHOT.matcher(model).replaceFirst("");
        return models.contains(model)
                || models.contains(undated)
                || (model.endsWith(":latest") && models.contains(model.replace(":latest", "")));
    }

    private static final Pattern SNAPSHOT = Pattern.compile("-(?:\\d{8}|\\d{4}-\\d{2}-\\d{2})$");
}
