package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The Ollama dialect's request rules, answered as {@code {"error": …}}; each rule is in docs/emulator.md. */
final class OllamaRules {

    private OllamaRules() {}

    /**
     * What Ollama refuses ({@code ollama} 0.6 Python SDK, {@code ollama/_types.py}): no model, a model not pulled
     * (404), a message without a role, image data that is not base64; or null.
     */
    static Violation invalid(JsonNode body, boolean chat, List<String> models) {
        String model = body.path("model").asText("");
        if (model.isBlank()) return invalid("required-fields", "model is required");
        if (!Violation.served(models, model))
            return new Violation(
                    404, "not_found", "ollama/known-model", "model \"" + model + "\" not found, try pulling it first");
        List<JsonNode> imageLists = new ArrayList<>();
        if (chat) {
            JsonNode messages = body.path("messages");
            for (int i = 0; i < messages.size(); i++) {
                if (messages.get(i).path("role").asText("").isBlank())
                    return invalid("roles", "messages[" + i + "]: role is required (Message.role in _types.py)");
                imageLists.add(messages.get(i).path("images"));
            }
        } else imageLists.add(body.path("images"));
        for (JsonNode images : imageLists) {
            for (JsonNode image : images) {
                if (OllamaRequests.decodeImage(image.asText("")) == null) {
                    String shown = image.asText("");
                    return invalid(
                            "images-base64",
                            "illegal base64 data in `images`: Ollama takes base64 image data only, not URLs or data"
                                    + " URIs (got \""
                                    + (shown.length() > 60 ? shown.substring(0, 60) + "…" : shown) + "\")");
                }
            }
        }
        return null;
    }

    private static Violation invalid(String rule, String detail) {
        return Violation.badRequest("bad_request", "ollama/" + rule, detail);
    }
}
