package conform.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ChatReply} encoded as Ollama answers it: one JSON object, or NDJSON objects paced like the real server.
 */
final class OllamaReplies {

    /**
     * The gap between streamed objects. Ollama sends a token every 10-30 ms; genkitx-ollama JSON-parses each network
     * read as one object, so objects written back to back can arrive in one read and break it ("Unexpected
     * non-whitespace character after JSON"). Pacing like the real server keeps that plugin bug from making runs flaky.
     */
    static final long STREAM_INTERVAL_MS = 20;

    private OllamaReplies() {}

    /**
     * NDJSON as Ollama streams it: thinking pieces, then text pieces (or one tool_calls chunk), each with
     * {@code "done": false}, then an empty {@code "done": true} object with the counts. One object per write:
     * genkitx-ollama JSON-parses every network read on its own.
     */
    static void stream(HttpExchange exchange, ChatRequest request, ChatReply reply, Fault fault, boolean chat)
            throws IOException {
        List<ObjectNode> objects = new ArrayList<>();
        if (reply.thought() != null) {
            for (String piece : ChatReply.text(null, reply.thought()).textChunks())
                objects.add(piece(request, chat, "", piece, null));
        }
        if (reply.toolCall() != null) {
            objects.add(piece(request, chat, "", null, reply.toolCall()));
        } else {
            for (String piece : reply.textChunks()) objects.add(piece(request, chat, piece, null, null));
        }
        objects.add(done(request, reply, chat, "", null, null));
        try (Wire.Stream out = Wire.Stream.ndjson(exchange, fault)) {
            for (int i = 0; i < objects.size(); i++) {
                if (i > 0) Wire.sleep(STREAM_INTERVAL_MS);
                out.event(null, objects.get(i));
            }
        }
    }

    private static ObjectNode piece(
            ChatRequest request, boolean chat, String text, String thinking, ChatReply.ToolCallReply call) {
        ObjectNode out = head(request);
        body(out, chat, text, thinking, call);
        return out.put("done", false);
    }

    /** The last object of a stream, or the whole non-streamed answer: {@code "done": true} with Ollama's counts. */
    static ObjectNode done(
            ChatRequest request,
            ChatReply reply,
            boolean chat,
            String text,
            String thinking,
            ChatReply.ToolCallReply call) {
        ObjectNode out = head(request);
        body(out, chat, text == null ? "" : text, thinking, call);
        out.put("done", true).put("done_reason", reply.cutAtLimit() ? "length" : "stop");
        if (!chat) out.putArray("context").add(1).add(2).add(3);
        int promptTokens = request.promptTokens();
        int outputTokens = reply.outputTokens();
        return out.put("total_duration", 120_000_000L)
                .put("load_duration", 10_000_000L)
                .put("prompt_eval_count", promptTokens)
                .put("prompt_eval_duration", 20_000_000L)
                .put("eval_count", outputTokens)
                .put("eval_duration", 90_000_000L);
    }

    private static ObjectNode head(ChatRequest request) {
        return Wire.JSON
                .createObjectNode()
                .put("model", request.model())
                .put("created_at", Instant.now().toString());
    }

    /** /api/chat puts the answer in {@code message}; /api/generate in {@code response} (and has no tool calls). */
    private static void body(ObjectNode out, boolean chat, String text, String thinking, ChatReply.ToolCallReply call) {
        if (!chat) {
            out.put("response", text);
            if (thinking != null) out.put("thinking", thinking);
            return;
        }
        ObjectNode message = out.putObject("message").put("role", "assistant").put("content", text);
        if (thinking != null) message.put("thinking", thinking);
        if (call != null) {
            ObjectNode toolCall = message.putArray("tool_calls").addObject().put("id", call.id());
            toolCall.putObject("function")
                    .put("index", 0)
                    .put("name", call.name())
                    .set("arguments", call.arguments());
        }
    }
}
