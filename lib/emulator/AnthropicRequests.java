package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import conform.config.EmulatorDialect;
import conform.emulator.ChatRequest.Content;
import conform.emulator.ChatRequest.Modality;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Anthropic Messages request decoded into a {@link ChatRequest}: the system text, messages with text, media,
 * tool_use and tool_result blocks, tools, the structured-output format, thinking and the tool choice.
 */
final class AnthropicRequests {

    private AnthropicRequests() {}

    static ChatRequest decode(JsonNode body) {
        String system = systemText(body.path("system"));
        Map<String, String> toolNames = new HashMap<>();
        List<ChatRequest.Turn> turns = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            List<Content> content = new ArrayList<>();
            JsonNode c = message.path("content");
            if (c.isTextual()) content.add(new ChatRequest.Text(c.asText()));
            for (JsonNode block : c.isArray() ? c : Wire.JSON.createArrayNode()) {
                Content decoded = block(block, toolNames);
                if (decoded != null) content.add(decoded);
            }
            turns.add(ChatRequest.Turn.assistantOrUser(
                    message.path("role").asText().equals("assistant"), content));
        }
        List<ChatRequest.Tool> tools = new ArrayList<>();
        for (JsonNode tool : body.path("tools")) {
            tools.add(new ChatRequest.Tool(
                    tool.path("name").asText(), tool.path("description").asText(""), tool.path("input_schema")));
        }
        // Structured outputs put the schema in output_config.format (AnthropicRules refuses the old output_format).
        JsonNode format = body.path("output_config").path("format");
        JsonNode schema = format.path("type").asText("").equals("json_schema") ? format.path("schema") : null;
        boolean jsonMode = schema != null;
        String thinking = body.path("thinking").path("type").asText("");
        return new ChatRequest(
                EmulatorDialect.ANTHROPIC,
                body.path("model").asText(),
                system,
                turns,
                tools,
                schema == null || schema.isMissingNode() ? null : schema,
                jsonMode,
                thinking.equals("enabled") || thinking.equals("adaptive"),
                Modality.TEXT,
                body.path("stream").asBoolean(false),
                toolChoice(body.path("tool_choice")));
    }

    /** {@code tool_choice}: {type: auto | any | tool (with name) | none} ({@code types/tool_choice_param.py}). */
    private static ChatRequest.ToolChoice toolChoice(JsonNode choice) {
        return switch (choice.path("type").asText("auto")) {
            case "none" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.NONE, List.of());
            case "any" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.REQUIRED, List.of());
            case "tool" -> ChatRequest.ToolChoice.named(choice.path("name").asText());
            default -> ChatRequest.ToolChoice.AUTO;
        };
    }

    /** {@code system} is a string or a list of text blocks (Go always sends blocks, possibly an empty list). */
    private static String systemText(JsonNode system) {
        if (system.isTextual()) return system.asText().isEmpty() ? null : system.asText();
        StringBuilder text = new StringBuilder();
        for (JsonNode block : system) {
            if (!block.path("type").asText("text").equals("text")) continue;
            if (!text.isEmpty()) text.append("\n");
            text.append(block.path("text").asText());
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static Content block(JsonNode block, Map<String, String> toolNames) {
        return switch (block.path("type").asText()) {
            case "text" -> new ChatRequest.Text(block.path("text").asText());
            case "image", "document" -> media(block.path("source"));
            case "tool_use" -> {
                toolNames.put(block.path("id").asText(), block.path("name").asText());
                yield new ChatRequest.ToolCall(
                        block.path("id").asText(), block.path("name").asText(), block.path("input"));
            }
            case "tool_result" -> {
                // tool_result carries no name: it is the name of the tool_use with the same id, earlier in the
                // conversation.
                String id = block.path("tool_use_id").asText();
                yield new ChatRequest.ToolResult(
                        id, toolNames.getOrDefault(id, "tool"), resultText(block.path("content")));
            }
            default -> null; // thinking and redacted_thinking blocks echo the model's own earlier output
        };
    }

    private static ChatRequest.Media media(JsonNode source) {
        return switch (source.path("type").asText()) {
            case "base64" ->
                new ChatRequest.Media(
                        source.path("media_type").asText(null),
                        Base64.getMimeDecoder().decode(source.path("data").asText("")),
                        null);
            case "url" -> OpenAiRequests.media(source.path("url").asText());
            case "text" ->
                new ChatRequest.Media(
                        source.path("media_type").asText("text/plain"),
                        source.path("data").asText("").getBytes(),
                        null);
            default -> new ChatRequest.Media(null, null, source.path("file_id").asText(null));
        };
    }

    /** A tool result's content: a string, or a list of blocks whose text is joined. */
    private static String resultText(JsonNode content) {
        if (content.isTextual()) return content.asText();
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content)
            if (block.path("type").asText().equals("text"))
                text.append(block.path("text").asText());
        return text.toString();
    }
}
