package conform.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A model action's result (a GenerateResponse) and, for streamed calls, its chunks, with the look-ups validators
 * share. Text is the concatenation of all text parts, as Genkit's own {@code response.text} gives it.
 */
public record ModelResponse(JsonNode response, List<JsonNode> chunks) {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static ModelResponse of(JsonNode response) {
        return new ModelResponse(response, List.of());
    }

    /** {@code message.content}, or else {@code candidates[0].message.content} (older response shape). */
    public Optional<JsonNode> content() {
        if (response == null) return Optional.empty();
        JsonNode content = response.path("message").path("content");
        if (!content.isArray())
            content = response.path("candidates").path(0).path("message").path("content");
        return content.isArray() ? Optional.of(content) : Optional.empty();
    }

    public JsonNode requireContent() {
        return content()
                .orElseThrow(() ->
                        new ValidationFailure("Response missing message content. Full response: " + pretty(response)));
    }

    public String text() {
        return content().map(ModelResponse::joinText).orElse("");
    }

    /** The text, which must not be empty; {@code expectation} ("include 'x'") says what it was expected to do. */
    public String requireText(String expectation) {
        String text = text();
        if (text.isEmpty())
            throw new ValidationFailure(
                    "Response has no text" + (expectation == null ? "" : "; expected it to " + expectation));
        return text;
    }

    /** The first part whose {@code kind} is present (a non-empty string, or an object), as JavaScript truthiness has it. */
    public Optional<JsonNode> firstPart(String kind) {
        return content().flatMap(c -> parts(c).filter(p -> present(p.get(kind))).findFirst());
    }

    /** All text parts of all chunks, in order. */
    public String streamedText() {
        StringBuilder sb = new StringBuilder();
        for (JsonNode chunk : chunks) sb.append(joinText(chunk.path("content")));
        return sb.toString();
    }

    public boolean anyChunkHas(String kind) {
        return chunks.stream().anyMatch(chunk -> parts(chunk.path("content")).anyMatch(p -> present(p.get(kind))));
    }

    public void requireChunks() {
        if (chunks.isEmpty()) throw new ValidationFailure("Streaming expected but no chunks were received");
    }

    static boolean present(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) return false;
        return !value.isTextual() || !value.asText().isEmpty();
    }

    private static String joinText(JsonNode content) {
        StringBuilder sb = new StringBuilder();
        parts(content)
                .filter(p -> p.path("text").isTextual())
                .forEach(p -> sb.append(p.get("text").asText()));
        return sb.toString();
    }

    private static Stream<JsonNode> parts(JsonNode content) {
        return content != null && content.isArray()
                ? StreamSupport.stream(content.spliterator(), false)
                : Stream.empty();
    }

    public static String pretty(JsonNode node) {
        try {
            return node == null ? "null" : PRETTY.writeValueAsString(node);
        } catch (Exception e) {
            return String.valueOf(node);
        }
    }
}
