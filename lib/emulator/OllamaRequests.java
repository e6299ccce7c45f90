package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import conform.config.EmulatorDialect;
import conform.emulator.ChatRequest.Content;
import conform.emulator.ChatRequest.Modality;
import conform.emulator.ChatRequest.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An Ollama request decoded into a {@link ChatRequest}: {@code /api/chat} (messages with text, base64 images, tool
 * calls and results; tools; format; think) or {@code /api/generate} (one prompt).
 */
final class OllamaRequests {

    private OllamaRequests() {}

    static ChatRequest decodeChat(JsonNode body) {
        StringBuilder system = new StringBuilder();
        List<ChatRequest.Turn> turns = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            String text = message.path("content").asText("");
            List<Content> content = new ArrayList<>();
            if (!text.isEmpty()) content.add(new ChatRequest.Text(text));
            for (JsonNode image : message.path("images")) content.add(image(image.asText()));
            for (JsonNode call : message.path("tool_calls")) {
                JsonNode fn = call.path("function");
                // Ollama sends arguments as an object; a plugin that sends the OpenAI-style string is read as well.
                JsonNode args = fn.path("arguments").isTextual()
                        ? OpenAiRequests.parseArguments(fn.path("arguments").asText())
                        : fn.path("arguments");
                content.add(new ChatRequest.ToolCall(
                        call.path("id").asText(""), fn.path("name").asText(), args));
            }
            switch (message.path("role").asText()) {
                case "system" -> {
                    if (!text.isEmpty())
                        system.append(system.isEmpty() ? "" : "\n").append(text);
                }
                // tool_name is optional in Ollama (the Python and Go plugins leave it out), so the name may be unknown.
                case "tool" ->
                    turns.add(new ChatRequest.Turn(
                            Role.TOOL,
                            List.of(new ChatRequest.ToolResult(
                                    message.path("tool_call_id").asText(""),
                                    message.path("tool_name").asText("tool"),
                                    text))));
                case "assistant" -> turns.add(new ChatRequest.Turn(Role.MODEL, content));
                default -> turns.add(new ChatRequest.Turn(Role.USER, content));
            }
        }
        List<ChatRequest.Tool> tools = OpenAiRequests.functionTools(body.path("tools"));
        JsonNode format = body.path("format");
        return new ChatRequest(
                EmulatorDialect.OLLAMA,
                body.path("model").asText(),
                system.isEmpty() ? null : system.toString(),
                turns,
                tools,
                format.isObject() ? format : null,
                jsonMode(format),
                thinks(body.path("think")),
                Modality.TEXT,
                streams(body));
    }

    /** /api/generate: one prompt (with top-level {@code images}) and an optional {@code system}; no history, no tools. */
    static ChatRequest decodeGenerate(JsonNode body) {
        List<Content> content = new ArrayList<>();
        content.add(new ChatRequest.Text(body.path("prompt").asText("")));
        for (JsonNode image : body.path("images")) content.add(image(image.asText()));
        String system = body.path("system").asText("");
        JsonNode format = body.path("format");
        return new ChatRequest(
                EmulatorDialect.OLLAMA,
                body.path("model").asText(),
                system.isBlank() ? null : system,
                List.of(new ChatRequest.Turn(Role.USER, content)),
                List.of(),
                format.isObject() ? format : null,
                jsonMode(format),
                thinks(body.path("think")),
                Modality.TEXT,
                streams(body));
    }

    /** Ollama streams unless told {@code "stream": false}. */
    private static boolean streams(JsonNode body) {
        return !body.has("stream")
                || body.path("stream").isNull()
                || body.path("stream").asBoolean(true);
    }

    /** {@code "json"}, or a JSON schema object; {@code ""} (what the Python SDK sends by default) asks for nothing. */
    private static boolean jsonMode(JsonNode format) {
        return format.isObject() || (format.isTextual() && format.asText().equalsIgnoreCase("json"));
    }

    /** {@code true}, or an effort ({@code "low"}, {@code "medium"}, {@code "high"}). */
    private static boolean thinks(JsonNode think) {
        return think.isBoolean()
                ? think.asBoolean()
                : think.isTextual()
                        && !think.asText().isBlank()
                        && !think.asText().equals("false");
    }

    private static ChatRequest.Media image(String base64) {
        byte[] data = decodeImage(base64);
        return new ChatRequest.Media(mimeType(data), data, null);
    }

    /** Ollama decodes {@code images} with Go's strict standard base64; anything else (a URL, a data URI) is an error there. */
    static byte[] decodeImage(String base64) {
        if (base64.isEmpty()) return null;
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The image type from its first bytes; Ollama gets no MIME type, only the data. */
    static String mimeType(byte[] data) {
        if (data == null) return "image/*";
        if (startsWith(data, 0x89, 'P', 'N', 'G')) return "image/png";
        if (startsWith(data, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
        if (startsWith(data, 'G', 'I', 'F', '8')) return "image/gif";
        if (data.length >= 12
                && startsWith(data, 'R', 'I', 'F', 'F')
                && new String(data, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) return "image/webp";
        return "image/*";
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((data[i] & 0xFF) != prefix[i]) return false;
        return true;
    }
}
