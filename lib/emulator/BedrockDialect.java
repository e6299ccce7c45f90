package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import conform.config.EmulatorDialect;
import conform.emulator.ChatRequest.Content;
import conform.emulator.ChatRequest.Modality;
import conform.emulator.ChatRequest.Role;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon Bedrock's Converse API as boto3 calls it for the Python amazon-bedrock plugin:
 * {@code POST /model/{modelId}/converse} (JSON) and {@code /converse-stream} (AWS event-stream frames), signed with
 * SigV4, whose signature the emulator takes as it is (it has no secret to check it against).
 */
final class BedrockDialect implements Dialect {

    private static final Pattern PATH = Pattern.compile("/model/([^/]+)/(converse|converse-stream)");

    @Override
    public EmulatorDialect kind() {
        return EmulatorDialect.BEDROCK;
    }

    @Override
    public boolean serves(String method, String path, Headers headers) {
        return method.equals("POST") && PATH.matcher(path).matches();
    }

    @Override
    public String fieldName(Concept concept) {
        return switch (concept) {
            case SYSTEM -> "`system`";
            case TOOLS -> "`toolConfig.tools`";
            case JSON_SCHEMA -> "`outputConfig.textFormat`";
            case HISTORY -> "earlier `messages`";
            case IMAGE -> "`image` content block";
            case VIDEO -> "`video` content block";
            case THOUGHTS -> "`additionalModelRequestFields.thinking`";
            case IMAGE_OUTPUT -> "image output (Converse answers text)";
            case AUDIO_OUTPUT -> "audio output (Converse answers text)";
        };
    }

    @Override
    public void handle(HttpExchange exchange, EmulatorContext emulator) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Matcher m = PATH.matcher(path);
        if (!m.matches()) throw new IllegalStateException("not a Converse path: " + path);
        String model = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        boolean stream = m.group(2).equals("converse-stream");
        JsonNode body = Wire.readJson(exchange);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        boolean signed = auth != null && (auth.startsWith("AWS4-HMAC-SHA256 ") || auth.startsWith("Bearer "));
        Violation violation = BedrockRules.check(body, model, signed, emulator.models(kind()));
        if (violation != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", violation.type());
            emulator.reject(exchange, path, violation, v -> error(v.type(), v.message()));
            return;
        }
        ChatRequest request = decode(body, model, stream);
        Fault fault = emulator.admit(exchange, path, request, BedrockDialect::error);
        if (fault == null) return;
        ChatReply reply = emulator.answer(request).limitedTo(Wire.limit(body.path("inferenceConfig"), "maxTokens"));
        if (stream) stream(exchange, request, reply, fault);
        else Wire.json(exchange, 200, response(request, reply));
    }

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
            boolean assistant = message.path("role").asText().equals("assistant");
            boolean results = !assistant && content.stream().anyMatch(ChatRequest.ToolResult.class::isInstance);
            turns.add(new ChatRequest.Turn(assistant ? Role.MODEL : results ? Role.TOOL : Role.USER, content));
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

    // ---- encoding ----------------------------------------------------------------------------------------------

    /** The reply's content blocks: reasoning, then the text or the tool use. */
    private static List<ObjectNode> blocks(ChatReply reply) {
        List<ObjectNode> blocks = new ArrayList<>();
        if (reply.thought() != null) {
            ObjectNode reasoning = Wire.JSON.createObjectNode();
            reasoning
                    .putObject("reasoningContent")
                    .putObject("reasoningText")
                    .put("text", reply.thought())
                    .put("signature", Ids.next("sig"));
            blocks.add(reasoning);
        }
        if (reply.toolCall() != null) {
            ObjectNode use = Wire.JSON.createObjectNode();
            use.putObject("toolUse")
                    .put("toolUseId", toolUseId(reply.toolCall()))
                    .put("name", reply.toolCall().name())
                    .set("input", reply.toolCall().arguments());
            blocks.add(use);
        } else {
            blocks.add(Wire.JSON.createObjectNode().put("text", reply.text() == null ? "" : reply.text()));
        }
        return blocks;
    }

    private static String toolUseId(ChatReply.ToolCallReply call) {
        return "tooluse_" + call.id().replaceFirst("^call_", "");
    }

    private static String stopReason(ChatReply reply) {
        return reply.toolCall() != null ? "tool_use" : reply.cutAtLimit() ? "max_tokens" : "end_turn";
    }

    private static ObjectNode usage(ChatRequest request, ChatReply reply) {
        return Wire.JSON
                .createObjectNode()
                .put("inputTokens", request.promptTokens())
                .put("outputTokens", reply.outputTokens())
                .put("totalTokens", request.promptTokens() + reply.outputTokens());
    }

    /** {@code ConverseResponse}: output.message, stopReason, usage, metrics. */
    private static ObjectNode response(ChatRequest request, ChatReply reply) {
        ObjectNode out = Wire.JSON.createObjectNode();
        ObjectNode message = out.putObject("output").putObject("message").put("role", "assistant");
        ArrayNode content = message.putArray("content");
        blocks(reply).forEach(content::add);
        out.put("stopReason", stopReason(reply));
        out.set("usage", usage(request, reply));
        out.putObject("metrics").put("latencyMs", 100);
        return out;
    }

    /**
     * ConverseStream's events: messageStart; per block its deltas (text a word each, tool input JSON in two halves
     * after a contentBlockStart naming the tool, reasoning text then signature) and contentBlockStop; messageStop
     * with the stop reason; metadata with usage and metrics.
     */
    private static void stream(HttpExchange exchange, ChatRequest request, ChatReply reply, Fault fault)
            throws IOException {
        try (Wire.Stream out = Wire.Stream.awsEvents(exchange, fault)) {
            out.event("messageStart", Wire.JSON.createObjectNode().put("role", "assistant"));
            List<ObjectNode> blocks = blocks(reply);
            for (int index = 0; index < blocks.size(); index++) {
                ObjectNode block = blocks.get(index);
                if (block.has("reasoningContent")) {
                    JsonNode text = block.at("/reasoningContent/reasoningText");
                    out.event("contentBlockDelta", delta(index, "reasoningContent", reasoning("text", text)));
                    out.event("contentBlockDelta", delta(index, "reasoningContent", reasoning("signature", text)));
                } else if (block.has("toolUse")) {
                    JsonNode use = block.get("toolUse");
                    ObjectNode start = Wire.JSON.createObjectNode().put("contentBlockIndex", index);
                    start.putObject("start")
                            .putObject("toolUse")
                            .put("toolUseId", use.path("toolUseId").asText())
                            .put("name", use.path("name").asText());
                    out.event("contentBlockStart", start);
                    String json = use.path("input").toString();
                    int half = json.length() / 2;
                    for (String piece : List.of(json.substring(0, half), json.substring(half)))
                        out.event(
                                "contentBlockDelta",
                                delta(
                                        index,
                                        "toolUse",
                                        Wire.JSON.createObjectNode().put("input", piece)));
                } else {
                    for (String piece : reply.textChunks())
                        out.event(
                                "contentBlockDelta",
                                delta(index, "text", Wire.JSON.getNodeFactory().textNode(piece)));
                }
                out.event("contentBlockStop", Wire.JSON.createObjectNode().put("contentBlockIndex", index));
            }
            out.event("messageStop", Wire.JSON.createObjectNode().put("stopReason", stopReason(reply)));
            ObjectNode metadata = Wire.JSON.createObjectNode();
            metadata.set("usage", usage(request, reply));
            metadata.putObject("metrics").put("latencyMs", 100);
            out.event("metadata", metadata);
        }
    }

    private static ObjectNode reasoning(String field, JsonNode text) {
        return Wire.JSON.createObjectNode().put(field, text.path(field).asText());
    }

    private static ObjectNode delta(int index, String kind, JsonNode value) {
        ObjectNode event = Wire.JSON.createObjectNode().put("contentBlockIndex", index);
        event.putObject("delta").set(kind, value);
        return event;
    }

    /** A REST-JSON error body: botocore reads the error's name from {@code __type} (or x-amzn-ErrorType). */
    private static ObjectNode error(String type, String message) {
        return Wire.JSON.createObjectNode().put("__type", type).put("message", message);
    }

    private static ObjectNode error(Fault fault) {
        return fault.kind() == Fault.Kind.RATE_LIMIT
                ? error("ThrottlingException", "Too many requests, please wait before trying again. (conform emulator)")
                : error("InternalServerException", "The server encountered an internal error (conform emulator)");
    }
}
