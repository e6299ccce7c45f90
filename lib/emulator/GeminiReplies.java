package conform.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A {@link ChatReply} encoded as Gemini answers it: a GenerateContentResponse, its SSE records (or their JSON array)
 * when streamed, and Imagen's predictions.
 */
final class GeminiReplies {

    /** What a Gemini TTS model really answers: raw 16-bit PCM, not WAV, and the plugins pass it on as is. */
    static final String PCM_MIME = "audio/L16;codec=pcm;rate=" + Audio.SAMPLE_RATE;

    private GeminiReplies() {}

    /** The reply as Gemini parts: an optional thought part, then the text, function call or media. */
    static List<ObjectNode> parts(ChatReply reply, String model) {
        List<ObjectNode> parts = new ArrayList<>();
        if (reply.thought() != null)
            parts.add(Wire.JSON.createObjectNode().put("text", reply.thought()).put("thought", true));
        if (reply.toolCall() != null) {
            ObjectNode part = Wire.JSON.createObjectNode();
            part.putObject("functionCall")
                    .put("name", reply.toolCall().name())
                    .set("args", reply.toolCall().arguments());
            // Gemini 3 signs its function calls and rejects a history that drops the signature; plugins must echo it.
            if (model.startsWith("gemini-3"))
                part.put(
                        "thoughtSignature",
                        Base64.getEncoder().encodeToString("conform-signature".getBytes(StandardCharsets.UTF_8)));
            parts.add(part);
        } else if (reply.media() != null) {
            boolean wav = reply.media().mimeType().equals("audio/wav");
            String mime = wav ? PCM_MIME : reply.media().mimeType();
            byte[] data = wav ? Audio.silencePcm() : reply.media().data();
            parts.add(inline(mime, data));
        } else if (reply.text() != null) {
            parts.add(Wire.JSON.createObjectNode().put("text", reply.text()));
        }
        return parts;
    }

    private static ObjectNode inline(String mime, byte[] data) {
        ObjectNode part = Wire.JSON.createObjectNode();
        part.putObject("inlineData")
                .put("mimeType", mime)
                .put("data", Base64.getEncoder().encodeToString(data));
        return part;
    }

    /** A GenerateContentResponse; {@code last} adds the finish reason and usage, as the final stream record does. */
    static ObjectNode response(ChatRequest request, ChatReply reply, List<ObjectNode> parts, boolean last) {
        ObjectNode out = Wire.JSON.createObjectNode();
        ObjectNode candidate = out.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content").put("role", "model");
        ArrayNode array = content.putArray("parts");
        parts.forEach(array::add);
        if (last) {
            candidate.put("finishReason", reply.cutAtLimit() ? "MAX_TOKENS" : "STOP");
            int thoughts = reply.thought() == null
                    ? 0
                    : ChatReply.text(null, reply.thought()).outputTokens();
            int candidates = reply.outputTokens() - thoughts;
            ObjectNode usage = out.putObject("usageMetadata")
                    .put("promptTokenCount", request.promptTokens())
                    .put("candidatesTokenCount", candidates)
                    .put("totalTokenCount", request.promptTokens() + candidates + thoughts);
            if (thoughts > 0) usage.put("thoughtsTokenCount", thoughts);
        }
        candidate.put("index", 0);
        out.put("modelVersion", request.model()).put("responseId", Ids.next(""));
        return out;
    }

    /**
     * SSE: the thought first, then the text one word per record, or the call or media whole; the last record
     * carries the finish reason. Without {@code alt=sse} the API answers the same records as one JSON array.
     */
    static void stream(HttpExchange exchange, ChatRequest request, ChatReply reply, Fault fault, boolean sse)
            throws IOException {
        List<List<ObjectNode>> records = new ArrayList<>();
        if (reply.text() != null && reply.toolCall() == null && reply.media() == null) {
            if (reply.thought() != null)
                records.add(List.of(Wire.JSON
                        .createObjectNode()
                        .put("text", reply.thought())
                        .put("thought", true)));
            for (String piece : reply.textChunks())
                records.add(List.of(Wire.JSON.createObjectNode().put("text", piece)));
            if (records.isEmpty())
                records.add(List.of(Wire.JSON.createObjectNode().put("text", "")));
        } else {
            List<ObjectNode> parts = parts(reply, request.model());
            if (reply.thought() != null) records.add(List.of(parts.remove(0)));
            records.add(parts);
        }
        if (!sse) {
            ArrayNode all = Wire.JSON.createArrayNode();
            for (int i = 0; i < records.size(); i++)
                all.add(response(request, reply, records.get(i), i == records.size() - 1));
            Wire.json(exchange, 200, all);
            return;
        }
        try (Wire.Stream out = Wire.Stream.sse(exchange, fault)) {
            for (int i = 0; i < records.size(); i++)
                out.event(null, response(request, reply, records.get(i), i == records.size() - 1));
        }
    }

    static ObjectNode predictions(ChatReply reply) {
        ObjectNode out = Wire.JSON.createObjectNode();
        out.putArray("predictions")
                .addObject()
                .put(
                        "bytesBase64Encoded",
                        Base64.getEncoder().encodeToString(reply.media().data()))
                .put("mimeType", reply.media().mimeType());
        return out;
    }
}
