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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's Messages API as the JS, Python and Go anthropic plugins call it: {@code POST /v1/messages} (the beta
 * surface adds {@code ?beta=true}), answered as one JSON message or as SSE with named events, and
 * {@code GET /v1/models} (also {@code ?beta=true}), which the Go plugin lists models from.
 */
final class AnthropicDialect implements Dialect {

    /** The only image types the Messages API takes. */
    private static final List<String> IMAGE_TYPES = List.of("image/jpeg", "image/png", "image/gif", "image/webp");

    @Override
    public EmulatorDialect kind() {
        return EmulatorDialect.ANTHROPIC;
    }

    @Override
    public boolean serves(String method, String path, Headers headers) {
        return (method.equals("POST") && path.equals("/v1/messages"))
                || (method.equals("GET") && path.startsWith("/v1/models") && Dialect.fromAnthropicSdk(headers));
    }

    @Override
    public String fieldName(Concept concept) {
        return switch (concept) {
            case SYSTEM -> "`system`";
            case TOOLS -> "`tools`";
            case JSON_SCHEMA -> "`output_config.format`";
            case HISTORY -> "earlier `messages`";
            case IMAGE -> "image content block";
            case VIDEO -> "video content block (the Messages API has none)";
            case THOUGHTS -> "`thinking`";
            case IMAGE_OUTPUT -> "image output (the Messages API has none)";
            case AUDIO_OUTPUT -> "audio output (the Messages API has none)";
        };
    }

    @Override
    public void handle(HttpExchange exchange, EmulatorContext emulator) throws IOException {
        String target = exchange.getRequestURI().toString();
        if (exchange.getRequestMethod().equals("GET")) {
            listModels(exchange, emulator, target);
            return;
        }
        JsonNode body = Wire.readJson(exchange);
        Violation violation = AnthropicRules.check(body, target.contains("beta=true"), emulator.models(kind()));
        if (violation == null) violation = invalidImage(body);
        if (violation != null) {
            emulator.reject(exchange, target, violation, v -> errorBody(v.type(), v.message()));
            return;
        }
        ChatRequest request = decode(body);
        Fault fault = emulator.admit(exchange, target, request, AnthropicDialect::error);
        if (fault == null) return;
        ChatReply reply =
                emulator.answer(request).limitedTo(body.path("max_tokens").asInt());
        if (request.stream()) stream(exchange, request, reply, fault);
        else Wire.json(exchange, 200, message(request, reply));
    }

    // ---- models ------------------------------------------------------------------------------------------------

    /** The paged list (one page) or, for {@code /v1/models/{id}}, one model; the Go plugin needs the list to succeed. */
    private void listModels(HttpExchange exchange, EmulatorContext emulator, String target) throws IOException {
        String path = exchange.getRequestURI().getPath();
        List<String> ids = emulator.listed(kind());
        if (path.startsWith("/v1/models/")) {
            String id = path.substring("/v1/models/".length());
            emulator.log("GET " + target + (ids.contains(id) ? " → " + id : " → 404"));
            if (ids.contains(id)) Wire.json(exchange, 200, modelInfo(id));
            else Wire.json(exchange, 404, errorBody("not_found_error", "model: " + id + " (conform emulator)"));
            return;
        }
        ObjectNode page = Wire.JSON.createObjectNode();
        ArrayNode data = page.putArray("data");
        for (String id : ids) data.add(modelInfo(id));
        page.put("has_more", false);
        if (ids.isEmpty()) page.putNull("first_id").putNull("last_id");
        else page.put("first_id", ids.get(0)).put("last_id", ids.get(ids.size() - 1));
        emulator.log("GET " + target + " → " + ids.size() + " model(s)");
        Wire.json(exchange, 200, page);
    }

    private static ObjectNode modelInfo(String id) {
        return Wire.JSON
                .createObjectNode()
                .put("id", id)
                .put("type", "model")
                .put("display_name", id + " (conform emulator)")
                .put("created_at", "2025-01-01T00:00:00Z");
    }

    // ---- decoding ----------------------------------------------------------------------------------------------

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
            boolean assistant = message.path("role").asText().equals("assistant");
            // A user message that carries tool results answers the model's tool call: a tool turn, not a user prompt.
            boolean toolTurn = !assistant && content.stream().anyMatch(ChatRequest.ToolResult.class::isInstance);
            turns.add(new ChatRequest.Turn(assistant ? Role.MODEL : toolTurn ? Role.TOOL : Role.USER, content));
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

    /**
     * The API rejects a base64 image whose bytes are not the image its media_type names (400 invalid_request_error);
     * so does the emulator, saying what the bytes were instead, since a plugin that encodes the wrong thing (a URL's
     * text, say) would otherwise just get a puzzling answer about "an image".
     */
    static Violation invalidImage(JsonNode body) {
        JsonNode messages = body.path("messages");
        for (int m = 0; m < messages.size(); m++) {
            JsonNode content = messages.get(m).path("content");
            for (int b = 0; b < content.size(); b++) {
                JsonNode source = content.get(b).path("source");
                if (!content.get(b).path("type").asText().equals("image")
                        || !source.path("type").asText().equals("base64")) continue;
                String type = source.path("media_type").asText("");
                byte[] data;
                try {
                    data = Base64.getMimeDecoder().decode(source.path("data").asText(""));
                } catch (IllegalArgumentException e) {
                    data = null;
                }
                String where = "messages." + m + ".content." + b + ".image.source.base64.data: ";
                if (data == null) return imageBytes(where + "the data is not valid base64");
                if (!IMAGE_TYPES.contains(type))
                    return imageBytes(
                            where + "media_type " + type + " is not one of " + String.join(", ", IMAGE_TYPES));
                if (!looksLike(type, data)) {
                    String head = new String(data, 0, Math.min(data.length, 40), StandardCharsets.ISO_8859_1)
                            .replaceAll("[^\\x20-\\x7e]", ".");
                    return imageBytes(where + "the image was specified using the " + type
                            + " media type, but does not appear to be a valid " + type.replace("image/", "")
                            + " image; its " + data.length + " bytes begin \"" + head + "\"");
                }
            }
        }
        return null;
    }

    private static Violation imageBytes(String detail) {
        return Violation.badRequest("invalid_request_error", "anthropic/image-bytes", detail);
    }

    private static boolean looksLike(String mediaType, byte[] d) {
        return switch (mediaType) {
            case "image/png" -> d.length > 4 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G';
            case "image/jpeg" ->
                d.length > 3 && (d[0] & 0xff) == 0xff && (d[1] & 0xff) == 0xd8 && (d[2] & 0xff) == 0xff;
            case "image/gif" -> d.length > 4 && d[0] == 'G' && d[1] == 'I' && d[2] == 'F' && d[3] == '8';
            case "image/webp" ->
                d.length > 12
                        && d[0] == 'R'
                        && d[1] == 'I'
                        && d[8] == 'W'
                        && d[9] == 'E'
                        && d[10] == 'B'
                        && d[11] == 'P';
            default -> false;
        };
    }

    // ---- encoding ----------------------------------------------------------------------------------------------

    /** The content blocks of the answer, in the order a real model emits them: thinking, then text or tool_use. */
    private static List<ObjectNode> blocks(ChatReply reply) {
        List<ObjectNode> blocks = new ArrayList<>();
        if (reply.thought() != null) {
            blocks.add(Wire.JSON
                    .createObjectNode()
                    .put("type", "thinking")
                    .put("thinking", reply.thought())
                    .put("signature", signature(reply.thought())));
        }
        if (reply.toolCall() != null) {
            ObjectNode use = Wire.JSON
                    .createObjectNode()
                    .put("type", "tool_use")
                    .put("id", toolUseId(reply.toolCall()))
                    .put("name", reply.toolCall().name());
            use.set("input", reply.toolCall().arguments());
            blocks.add(use);
        } else {
            blocks.add(Wire.JSON
                    .createObjectNode()
                    .put("type", "text")
                    .put("text", reply.text() == null ? "" : reply.text()));
        }
        return blocks;
    }

    private static String toolUseId(ChatReply.ToolCallReply call) {
        return "toolu_" + call.id().replaceFirst("^call_", "");
    }

    /** Plugins must send thinking back with its signature; any stable token will do for the emulator. */
    private static String signature(String thought) {
        return Base64.getEncoder()
                .encodeToString(("conform-emulator:" + Integer.toHexString(thought.hashCode())).getBytes());
    }

    private static String stopReason(ChatReply reply) {
        return reply.toolCall() != null ? "tool_use" : reply.cutAtLimit() ? "max_tokens" : "end_turn";
    }

    private static ObjectNode message(ChatRequest request, ChatReply reply) {
        ObjectNode out = messageHead(request);
        ArrayNode content = out.putArray("content");
        blocks(reply).forEach(content::add);
        out.put("stop_reason", stopReason(reply)).putNull("stop_sequence");
        out.set("usage", usage(request.promptTokens(), reply.outputTokens()));
        return out;
    }

    private static ObjectNode messageHead(ChatRequest request) {
        return Wire.JSON
                .createObjectNode()
                .put("id", Ids.next("msg_"))
                .put("type", "message")
                .put("role", "assistant")
                .put("model", request.model());
    }

    private static ObjectNode usage(int inputTokens, int outputTokens) {
        return Wire.JSON
                .createObjectNode()
                .put("input_tokens", inputTokens)
                .put("output_tokens", outputTokens)
                .put("cache_creation_input_tokens", 0)
                .put("cache_read_input_tokens", 0);
    }

    /**
     * message_start; per block content_block_start, its deltas (thinking_delta + signature_delta, text_delta per word,
     * input_json_delta in two halves, as the API splits JSON anywhere) and content_block_stop; message_delta with the
     * stop_reason; message_stop.
     */
    private static void stream(HttpExchange exchange, ChatRequest request, ChatReply reply, Fault fault)
            throws IOException {
        try (Wire.Stream out = Wire.Stream.sse(exchange, fault)) {
            ObjectNode start = messageHead(request);
            start.putArray("content");
            start.putNull("stop_reason").putNull("stop_sequence");
            start.set("usage", usage(request.promptTokens(), 1));
            out.event("message_start", event("message_start").set("message", start));
            List<ObjectNode> blocks = blocks(reply);
            for (int index = 0; index < blocks.size(); index++) {
                ObjectNode block = blocks.get(index);
                String type = block.path("type").asText();
                ObjectNode empty = block.deepCopy();
                switch (type) {
                    case "thinking" -> empty.put("thinking", "").put("signature", "");
                    case "text" -> empty.put("text", "");
                    default -> empty.putObject("input");
                }
                out.event(
                        "content_block_start",
                        event("content_block_start").put("index", index).set("content_block", empty));
                switch (type) {
                    case "thinking" -> {
                        out.event(
                                "content_block_delta",
                                delta(
                                        index,
                                        "thinking_delta",
                                        "thinking",
                                        block.path("thinking").asText()));
                        out.event(
                                "content_block_delta",
                                delta(
                                        index,
                                        "signature_delta",
                                        "signature",
                                        block.path("signature").asText()));
                    }
                    case "text" -> {
                        for (String piece : reply.textChunks())
                            out.event("content_block_delta", delta(index, "text_delta", "text", piece));
                    }
                    default -> {
                        String json = block.path("input").toString();
                        int half = json.length() / 2;
                        out.event(
                                "content_block_delta",
                                delta(index, "input_json_delta", "partial_json", json.substring(0, half)));
                        out.event(
                                "content_block_delta",
                                delta(index, "input_json_delta", "partial_json", json.substring(half)));
                    }
                }
                out.event("content_block_stop", event("content_block_stop").put("index", index));
            }
            ObjectNode end = event("message_delta");
            end.putObject("delta").put("stop_reason", stopReason(reply)).putNull("stop_sequence");
            end.putObject("usage").put("output_tokens", reply.outputTokens());
            out.event("message_delta", end);
            out.event("message_stop", event("message_stop"));
        }
    }

    private static ObjectNode event(String type) {
        return Wire.JSON.createObjectNode().put("type", type);
    }

    private static ObjectNode delta(int index, String type, String field, String value) {
        ObjectNode event = event("content_block_delta").put("index", index);
        event.putObject("delta").put("type", type).put(field, value);
        return event;
    }

    private static ObjectNode error(Fault fault) {
        boolean limited = fault.kind() == Fault.Kind.RATE_LIMIT;
        return errorBody(
                limited ? "rate_limit_error" : "api_error",
                limited
                        ? "Number of requests has exceeded your rate limit (conform emulator)"
                        : "Internal server error (conform emulator)");
    }

    private static ObjectNode errorBody(String type, String message) {
        ObjectNode out = Wire.JSON.createObjectNode().put("type", "error");
        out.putObject("error").put("type", type).put("message", message);
        return out;
    }
}
