package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import conform.config.EmulatorDialect;
import conform.emulator.ChatRequest.Content;
import conform.emulator.ChatRequest.Modality;
import conform.emulator.ChatRequest.Role;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An OpenAI request decoded into a {@link ChatRequest}: a chat completion (messages with text, image URLs, tool calls
 * and results; tools; response format; tool choice) or an image or speech generation. The other dialects' decoders
 * share its readers of a media URL, OpenAI-style function tools and a JSON arguments string.
 */
final class OpenAiRequests {

    private OpenAiRequests() {}

    static ChatRequest decodeChat(JsonNode body) {
        StringBuilder system = new StringBuilder();
        List<ChatRequest.Turn> turns = new ArrayList<>();
        Map<String, String> callNames = new HashMap<>();
        for (JsonNode message : body.path("messages")) {
            String role = message.path("role").asText();
            List<Content> content = new ArrayList<>();
            JsonNode c = message.path("content");
            if (c.isTextual()) content.add(new ChatRequest.Text(c.asText()));
            for (JsonNode part : c.isArray() ? c : Wire.JSON.createArrayNode()) {
                switch (part.path("type").asText()) {
                    case "text" ->
                        content.add(new ChatRequest.Text(part.path("text").asText()));
                    case "image_url" ->
                        content.add(media(part.path("image_url").path("url").asText()));
                    default -> {}
                }
            }
            for (JsonNode call : message.path("tool_calls")) {
                callNames.put(
                        call.path("id").asText(),
                        call.path("function").path("name").asText());
                content.add(new ChatRequest.ToolCall(
                        call.path("id").asText(),
                        call.path("function").path("name").asText(),
                        parseArguments(call.path("function").path("arguments").asText("{}"))));
            }
            switch (role) {
                case "system", "developer" ->
                    content.stream()
                            .filter(ChatRequest.Text.class::isInstance)
                            .forEach(t ->
                                    system.append(system.isEmpty() ? "" : "\n").append(((ChatRequest.Text) t).text()));
                case "tool" ->
                    turns.add(new ChatRequest.Turn(
                            Role.TOOL,
                            List.of(new ChatRequest.ToolResult(
                                    message.path("tool_call_id").asText(),
                                    // A tool message names no tool: it is the call's, found by its id.
                                    callNames.getOrDefault(
                                            message.path("tool_call_id").asText(), "tool"),
                                    c.isTextual() ? c.asText() : c.toString()))));
                case "assistant" -> turns.add(new ChatRequest.Turn(Role.MODEL, content));
                default -> turns.add(new ChatRequest.Turn(Role.USER, content));
            }
        }
        List<ChatRequest.Tool> tools = functionTools(body.path("tools"));
        JsonNode format = body.path("response_format");
        String formatType = format.path("type").asText("");
        JsonNode schema =
                formatType.equals("json_schema") ? format.path("json_schema").path("schema") : null;
        return new ChatRequest(
                EmulatorDialect.OPENAI,
                body.path("model").asText(),
                system.isEmpty() ? null : system.toString(),
                turns,
                tools,
                schema == null || schema.isMissingNode() ? null : schema,
                formatType.startsWith("json"),
                body.has("reasoning_effort"),
                Modality.TEXT,
                body.path("stream").asBoolean(false),
                toolChoice(body.path("tool_choice")));
    }

    /** {@code tool_choice}: "none", "auto", "required", or {type: function, function: {name}}. */
    private static ChatRequest.ToolChoice toolChoice(JsonNode choice) {
        if (choice.isObject())
            return ChatRequest.ToolChoice.named(
                    choice.path("function").path("name").asText());
        return switch (choice.asText("auto")) {
            case "none" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.NONE, List.of());
            case "required" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.REQUIRED, List.of());
            default -> ChatRequest.ToolChoice.AUTO;
        };
    }

    static ChatRequest decodeGeneration(JsonNode body, String path) {
        Modality modality = path.startsWith("/v1/images") ? Modality.IMAGE : Modality.AUDIO;
        String prompt =
                body.path(modality == Modality.IMAGE ? "prompt" : "input").asText("");
        return ChatRequest.generation(EmulatorDialect.OPENAI, body.path("model").asText(), prompt, modality);
    }

    static ChatRequest.Media media(String url) {
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            String header = url.substring(5, Math.max(comma, 5));
            String mime = header.split(";")[0];
            byte[] data = header.endsWith(";base64")
                    ? Base64.getMimeDecoder().decode(url.substring(comma + 1))
                    : url.substring(comma + 1).getBytes();
            return new ChatRequest.Media(mime, data, null);
        }
        String lower = url.toLowerCase(Locale.ROOT);
        String mime = lower.contains("youtube")
                ? "video/mp4"
                : lower.endsWith(".png")
                        ? "image/png"
                        : lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? "image/jpeg" : "image/*";
        return new ChatRequest.Media(mime, null, url);
    }

    /** Tools as OpenAI declares them, {@code [{type: function, function: {name, description, parameters}}]}; Ollama too. */
    static List<ChatRequest.Tool> functionTools(JsonNode tools) {
        List<ChatRequest.Tool> out = new ArrayList<>();
        for (JsonNode tool : tools) {
            JsonNode fn = tool.path("function");
            out.add(new ChatRequest.Tool(
                    fn.path("name").asText(), fn.path("description").asText(""), fn.path("parameters")));
        }
        return out;
    }

    static JsonNode parseArguments(String text) {
        try {
            return Wire.JSON.readTree(text);
        } catch (IOException e) {
            return Wire.JSON.getNodeFactory().textNode(text);
        }
    }
}
