package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ChatReply} encoded as Bedrock answers it: a ConverseResponse, or ConverseStream's events when streamed.
 */
final class BedrockReplies {

    private BedrockReplies() {}

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
    static ObjectNode response(ChatRequest request, ChatReply reply) {
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
    static void stream(HttpExchange exchange, ChatRequest request, ChatReply reply, Fault fault) throws IOException {
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
}
