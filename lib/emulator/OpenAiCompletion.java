package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;

/**
 * One chat completion as OpenAI answers it ({@code openai/types/chat/chat_completion.py} and
 * {@code chat_completion_chunk.py}): a unique id and the real time, {@code n} choices, usage, and when streamed the
 * chunks of each choice, with {@code stream_options.include_usage} a last chunk of usage and no choices.
 */
final class OpenAiCompletion {

    private final ChatRequest request;
    private final ChatReply reply;
    private final String id = Ids.next("chatcmpl-");
    private final long created = Instant.now().getEpochSecond();
    private final int choices;
    private final boolean includeUsage;

    OpenAiCompletion(ChatRequest request, ChatReply reply, JsonNode body) {
        this.request = request;
        this.reply = reply;
        this.choices = Math.max(1, body.path("n").asInt(1));
        this.includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
    }

    ObjectNode whole() {
        ObjectNode out = envelope("chat.completion");
        for (int index = 0; index < choices; index++) {
            ObjectNode choice = out.withArray("choices").addObject().put("index", index);
            ObjectNode message = choice.putObject("message").put("role", "assistant");
            if (reply.toolCall() != null) {
                message.putNull("content");
                message.putArray("tool_calls").add(toolCall(null));
            } else {
                message.put("content", reply.text());
            }
            message.putNull("refusal");
            choice.putNull("logprobs").put("finish_reason", finishReason());
        }
        out.set("usage", usage());
        return out;
    }

    void stream(HttpExchange exchange, Fault fault) throws IOException {
        try (Wire.Stream out = Wire.Stream.sse(exchange, fault)) {
            for (int index = 0; index < choices; index++) {
                out.event(
                        null,
                        chunk(
                                index,
                                Wire.JSON
                                        .createObjectNode()
                                        .put("role", "assistant")
                                        .put("content", ""),
                                null));
                if (reply.toolCall() != null) {
                    ObjectNode delta = Wire.JSON.createObjectNode();
                    delta.putArray("tool_calls").add(toolCall(0));
                    out.event(null, chunk(index, delta, null));
                } else {
                    for (String piece : reply.textChunks())
                        out.event(
                                null, chunk(index, Wire.JSON.createObjectNode().put("content", piece), null));
                }
                out.event(null, chunk(index, Wire.JSON.createObjectNode(), finishReason()));
            }
            if (includeUsage) {
                ObjectNode last = envelope("chat.completion.chunk");
                last.putArray("choices");
                last.set("usage", usage());
                out.event(null, last);
            }
            out.raw("[DONE]");
        }
    }

    private String finishReason() {
        return reply.toolCall() != null ? "tool_calls" : reply.cutAtLimit() ? "length" : "stop";
    }

    private ObjectNode usage() {
        int completion = reply.outputTokens() * choices;
        return Wire.JSON
                .createObjectNode()
                .put("prompt_tokens", request.promptTokens())
                .put("completion_tokens", completion)
                .put("total_tokens", request.promptTokens() + completion);
    }

    /** What every chat completion and chunk starts with; {@code object} tells them apart. */
    private ObjectNode envelope(String object) {
        return Wire.JSON
                .createObjectNode()
                .put("id", id)
                .put("object", object)
                .put("created", created)
                .put("model", request.model())
                .putNull("system_fingerprint");
    }

    private ObjectNode toolCall(Integer index) {
        ChatReply.ToolCallReply call = reply.toolCall();
        ObjectNode node = Wire.JSON.createObjectNode();
        if (index != null) node.put("index", index);
        node.put("id", call.id()).put("type", "function");
        node.putObject("function")
                .put("name", call.name())
                .put("arguments", call.arguments().toString());
        return node;
    }

    /** A chunk of one choice; with include_usage every chunk carries {@code "usage": null} but the last. */
    private ObjectNode chunk(int index, ObjectNode delta, String finish) {
        ObjectNode out = envelope("chat.completion.chunk");
        ObjectNode choice = out.putArray("choices").addObject().put("index", index);
        choice.set("delta", delta);
        if (finish == null) choice.putNull("finish_reason");
        else choice.put("finish_reason", finish);
        if (includeUsage) out.putNull("usage");
        return out;
    }
}
