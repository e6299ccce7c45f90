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
 * A Converse request decoded into a {@link ChatRequest}: system blocks, messages with text, image, toolUse and
 * toolResult blocks, the tool config and choice, the output format and thinking.
 */
final class BedrockRequests {

    private BedrockRequests() {}

    static ChatRequest decode(JsonNode body, String model, boolean stream) {
        StringBuilder system = new StringBuilder();
        for (JsonNode block : body.path("system"))
            if (block.has("text"))
                system.append(system.isEmpty() ? "" : "\n")
                        .append(block.path("text").asText());
        Map<String, String> toolNames = new HashMap<>();
        List<ChatRequest.Turn> turns = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            List<Content> content = new ArrayList<>();
            for (JsonNode block : message.path("content")) {
                Content c = block(block, toolNames);
                if (c != null) content.add(c);
            }
            turns.add(ChatRequest.Turn.assistantOrUser(
                    message.path("role").asText().equals("assistant"), content));
        }
        List<ChatRequest.Tool> tools = new ArrayList<>();
        for (JsonNode tool : body.path("toolConfig").path("tools")) {
            JsonNode spec = tool.path("toolSpec");
            tools.add(new ChatRequest.Tool(
                    spec.path("name").asText(),
                    spec.path("description").asText(""),
                    spec.path("inputSchema").path("json")));
        }
        // OutputConfig.textFormat: {type: json_schema, structure: {jsonSchema: {schema: "<the schema as a string>"}}}
        JsonNode format = body.path("outputConfig").path("textFormat");
        JsonNode schema = format.isMissingNode()
                ? null
                : OpenAiRequests.parseArguments(format.path("structure")
                        .path("jsonSchema")
                        .path("schema")
                        .asText("{}"));
        String thinking = body.path("additionalModelRequestFields")
                .path("thinking")
                .path("type")
                .asText("");
        return new ChatRequest(
                EmulatorDialect.BEDROCK,
                model,
                system.isEmpty() ? null : system.toString(),
                turns,
                tools,
                schema,
                schema != null,
                thinking.equals("enabled") || thinking.equals("adaptive"),
                Modality.TEXT,
                stream,
                toolChoice(body.path("toolConfig").path("toolChoice")));
    }

    /** {@code ToolChoice}: a union of auto, any and tool (with name); without toolConfig there is no tool. */
    private static ChatRequest.ToolChoice toolChoice(JsonNode choice) {
        if (choice.has("any")) return new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.REQUIRED, List.of());
        if (choice.has("tool"))
            return ChatRequest.ToolChoice.named(choice.path("tool").path("name").asText());
        return ChatRequest.ToolChoice.AUTO;
    }

    private static Content block(JsonNode block, Map<String, String> toolNames) {
        if (block.has("text")) return new ChatRequest.Text(block.path("text").asText());
        JsonNode image = block.path("image");
        if (!image.isMissingNode())
            return new ChatRequest.Media(
                    "image/" + image.path("format").asText(),
                    Base64.getMimeDecoder()
                            .decode(image.path("source").path("bytes").asText("")),
                    null);
        JsonNode use = block.path("toolUse");
        if (!use.isMissingNode()) {
            toolNames.put(use.path("toolUseId").asText(), use.path("name").asText());
            return new ChatRequest.ToolCall(
                    use.path("toolUseId").asText(), use.path("name").asText(), use.path("input"));
        }
        JsonNode result = block.path("toolResult");
        if (result.isMissingNode()) return null; // reasoning sent back, cache points: nothing to answer
        StringBuilder output = new StringBuilder();
        for (JsonNode part : result.path("content"))
            output.append(
                    part.has("text")
                            ? part.path("text").asText()
                            : part.path("json").toString());
        String id = result.path("toolUseId").asText();
        return new ChatRequest.ToolResult(id, toolNames.getOrDefault(id, "tool"), output.toString());
    }
}
