package conform.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One model as one runtime registers it, its metadata normalised across JS, Python and Go (an empty label or stage
 * is none, a missing versions list is empty).
 *
 * @param name the model's name (googleai/gemini-2.5-flash), its action key without {@code /model/}
 */
public record ModelRecord(
        String name, Registration registration, String label, String stage, List<String> versions, Supports supports) {

    public ModelRecord {
        versions = List.copyOf(versions);
    }

    /** From one entry of GET /api/actions ({@code key} → {@code action}). */
    public static ModelRecord of(String key, JsonNode action, Registration registration) {
        JsonNode model = action.path("metadata").path("model");
        String name = action.path("name").asText("");
        if (name.isEmpty()) name = key.substring(ModelListing.PREFIX.length());
        List<String> versions = new ArrayList<>();
        model.path("versions").forEach(v -> versions.add(v.asText()));
        return new ModelRecord(
                name,
                registration,
                text(model.get("label")),
                text(model.get("stage")),
                versions,
                Supports.of(model.get("supports")));
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }
}
