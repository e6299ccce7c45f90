package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import conform.config.EmulatorDialect;
import conform.emulator.ChatRequest.Content;
import conform.emulator.ChatRequest.Modality;
import conform.emulator.ChatRequest.Role;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A Gemini request decoded into a {@link ChatRequest}: a GenerateContentRequest (system instruction, contents,
 * function declarations, generation and tool config, camelCase or snake_case) or Imagen's {@code :predict}.
 */
final class GeminiRequests {

    private GeminiRequests() {}

    static ChatRequest decode(JsonNode body, String model, boolean stream) {
        StringBuilder system = new StringBuilder();
        for (JsonNode part :
                field(body, "systemInstruction", "system_instruction").path("parts")) {
            if (part.has("text") && !part.path("thought").asBoolean(false))
                system.append(system.isEmpty() ? "" : "\n")
                        .append(part.path("text").asText());
        }
        List<ChatRequest.Turn> turns = new ArrayList<>();
        for (JsonNode content : body.path("contents")) {
            List<Content> parts = new ArrayList<>();
            for (JsonNode part : content.path("parts")) {
                Content c = part(part);
                if (c != null) parts.add(c);
            }
            boolean onlyResults = !parts.isEmpty() && parts.stream().allMatch(ChatRequest.ToolResult.class::isInstance);
            String role = content.path("role").asText("user");
            turns.add(new ChatRequest.Turn(
                    role.equals("model") ? Role.MODEL : onlyResults || role.equals("function") ? Role.TOOL : Role.USER,
                    parts));
        }
        // Python sends one Tool per function, JS and Go one Tool with every function: read them all.
        List<ChatRequest.Tool> tools = new ArrayList<>();
        for (JsonNode tool : body.path("tools")) {
            for (JsonNode fn : field(tool, "functionDeclarations", "function_declarations")) {
                JsonNode schema = field(fn, "parametersJsonSchema", "parameters_json_schema");
                if (schema.isMissingNode()) schema = fn.path("parameters");
                tools.add(new ChatRequest.Tool(
                        fn.path("name").asText(),
                        fn.path("description").asText(""),
                        schema.isMissingNode() ? null : schema));
            }
        }
        JsonNode config = field(body, "generationConfig", "generation_config");
        String mime = field(config, "responseMimeType", "response_mime_type").asText("");
        JsonNode schema = field(config, "responseJsonSchema", "response_json_schema");
        if (schema.isMissingNode() || schema.isNull()) schema = field(config, "responseSchema", "response_schema");
        boolean thoughts = field(
                        field(config, "thinkingConfig", "thinking_config"), "includeThoughts", "include_thoughts")
                .asBoolean(false);
        Modality output = Modality.TEXT;
        for (JsonNode m : field(config, "responseModalities", "response_modalities")) {
            String modality = m.asText().toUpperCase(Locale.ROOT);
            if (modality.equals("IMAGE")) output = Modality.IMAGE;
            if (modality.equals("AUDIO")) output = Modality.AUDIO;
        }
        return new ChatRequest(
                EmulatorDialect.GEMINI,
                model,
                system.isEmpty() ? null : system.toString(),
                turns,
                tools,
                schema.isMissingNode() || schema.isNull() ? null : schema,
                mime.equals("application/json"),
                thoughts,
                output,
                stream,
                toolChoice(field(
                        field(body, "toolConfig", "tool_config"), "functionCallingConfig", "function_calling_config")));
    }

    /** {@code toolConfig.functionCallingConfig}: mode AUTO, ANY, VALIDATED or NONE, and the allowed function names. */
    private static ChatRequest.ToolChoice toolChoice(JsonNode config) {
        List<String> allowed = new ArrayList<>();
        field(config, "allowedFunctionNames", "allowed_function_names").forEach(n -> allowed.add(n.asText()));
        return switch (config.path("mode").asText("AUTO").toUpperCase(Locale.ROOT)) {
            case "NONE" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.NONE, List.of());
            case "ANY" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.REQUIRED, allowed);
            default -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.AUTO, allowed);
        };
    }

    /** One request part; thoughts sent back as history and bare thought signatures carry nothing to answer. */
    private static Content part(JsonNode part) {
        if (part.path("thought").asBoolean(false)) return null;
        if (part.has("text")) return new ChatRequest.Text(part.path("text").asText());
        JsonNode inline = field(part, "inlineData", "inline_data");
        if (!inline.isMissingNode()) {
            return new ChatRequest.Media(
                    field(inline, "mimeType", "mime_type").asText("application/octet-stream"),
                    base64(inline.path("data").asText("")),
                    null);
        }
        JsonNode file = field(part, "fileData", "file_data");
        if (!file.isMissingNode()) {
            String uri = field(file, "fileUri", "file_uri").asText("");
            String mime = field(file, "mimeType", "mime_type").asText("");
            return new ChatRequest.Media(
                    mime.isEmpty() ? OpenAiRequests.media(uri).mimeType() : mime, null, uri);
        }
        JsonNode call = field(part, "functionCall", "function_call");
        if (!call.isMissingNode())
            return new ChatRequest.ToolCall(
                    call.path("id").asText(""), call.path("name").asText(), call.path("args"));
        JsonNode result = field(part, "functionResponse", "function_response");
        if (!result.isMissingNode())
            return new ChatRequest.ToolResult(
                    result.path("id").asText(""), result.path("name").asText("tool"), output(result.path("response")));
        return null;
    }

    /** The plugins wrap a tool's output as {@code {name, content}}; a map output is sent as it is. */
    private static String output(JsonNode response) {
        JsonNode content = response.has("content")
                ? response.get("content")
                : response.has("output") ? response.get("output") : response;
        return content.isTextual() ? content.asText() : content.toString();
    }

    /** Imagen's request: {@code {instances: [{prompt}], parameters: {sampleCount, …}}}. */
    static ChatRequest decodePredict(JsonNode body, String model) {
        String prompt = body.path("instances").path(0).path("prompt").asText("");
        return ChatRequest.generation(EmulatorDialect.GEMINI, model, prompt, Modality.IMAGE);
    }

    /** Standard or URL-safe base64 (pydantic serialises bytes URL-safe, the Go SDK and JS standard). */
    static byte[] base64(String text) {
        return Base64.getMimeDecoder().decode(text.replace('-', '+').replace('_', '/'));
    }

    /** The SDKs write camelCase; snake_case is accepted too, as the real API does. */
    static JsonNode field(JsonNode node, String camel, String snake) {
        return node.has(camel) ? node.get(camel) : node.path(snake);
    }
}
