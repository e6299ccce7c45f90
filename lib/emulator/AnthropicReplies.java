package conform.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A {@link ChatReply} encoded as Anthropic answers it: one Message, or its SSE events when streamed.
 */
final class AnthropicReplies {

    private AnthropicReplies() {}

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

    static ObjectNode message(ChatRequest request, ChatReply reply) {
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
    static void stream(HttpExchange exchange, ChatRequest request, ChatReply reply, Fault fault) throws IOException {
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
}
