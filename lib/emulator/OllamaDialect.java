package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import conform.config.EmulatorDialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Ollama's API as genkitx-ollama (JS), genkit-ollama with the {@code ollama} SDK (Python) and plugins/ollama (Go)
 * call it: {@code POST /api/chat} and {@code POST /api/generate} (one JSON document with {@code "stream": false},
 * otherwise NDJSON — streaming is Ollama's default when {@code stream} is absent), and {@code GET /api/tags}.
 * Here the routing, the model listing and the error documents; {@link OllamaRules} says what is refused,
 * {@link OllamaRequests} decodes a request, {@link OllamaReplies} encodes the answer.
 */
final class OllamaDialect implements Dialect {

    /** A fixed date for the model listing, so /api/tags is the same on every run. */
    private static final String MODIFIED_AT = "2025-03-12T00:00:00Z";

    @Override
    public EmulatorDialect kind() {
        return EmulatorDialect.OLLAMA;
    }

    @Override
    public boolean serves(String method, String path, Headers headers) {
        return (method.equals("POST") && (path.equals("/api/chat") || path.equals("/api/generate")))
                || (method.equals("GET") && path.equals("/api/tags"));
    }

    @Override
    public String fieldName(Concept concept) {
        return switch (concept) {
            case SYSTEM -> "`system` message";
            case TOOLS -> "`tools`";
            case JSON_SCHEMA -> "`format`";
            case HISTORY -> "earlier `messages`";
            case IMAGE -> "`images` on the message";
            case VIDEO -> "video (Ollama takes only `images`)";
            case THOUGHTS -> "`think`";
            case IMAGE_OUTPUT -> "image output (Ollama's /api/chat only answers text)";
            case AUDIO_OUTPUT -> "audio output (Ollama has no speech endpoint)";
        };
    }

    @Override
    public void handle(HttpExchange exchange, EmulatorContext emulator) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("GET")) {
            ObjectNode tags = tags(emulator.listed(kind()));
            emulator.log("GET " + path + " → " + tags.path("models").size() + " model(s)");
            Wire.json(exchange, 200, tags);
            return;
        }
        boolean chat = path.equals("/api/chat");
        JsonNode body = Wire.readJson(exchange);
        // Ollama answers a request it cannot read with 400 and {"error": …}; so does the emulator, naming the field.
        Violation violation = OllamaRules.invalid(body, chat, emulator.models(kind()));
        if (violation != null) {
            emulator.reject(exchange, path, violation, v -> error(v.message()));
            return;
        }
        ChatRequest request = chat ? OllamaRequests.decodeChat(body) : OllamaRequests.decodeGenerate(body);
        Fault fault = emulator.admit(exchange, path, request, OllamaDialect::faultError);
        if (fault == null) return;
        // options.num_predict (ollama/_types.py Options): the most tokens to predict; -1 or absent means no limit.
        Integer numPredict = Wire.limit(body.path("options"), "num_predict");
        ChatReply reply = emulator.answer(request).limitedTo(numPredict == null || numPredict < 0 ? null : numPredict);
        if (request.stream()) {
            OllamaReplies.stream(exchange, request, reply, fault, chat);
        } else {
            Wire.json(
                    exchange,
                    200,
                    OllamaReplies.done(request, reply, chat, reply.text(), reply.thought(), reply.toolCall()));
        }
    }

    /** GET /api/tags: each model as {@code ollama pull} leaves it, with {@code :latest} when the spec gives no tag. */
    static ObjectNode tags(List<String> models) {
        ObjectNode out = Wire.JSON.createObjectNode();
        ArrayNode list = out.putArray("models");
        for (String model : models) {
            String name = model.contains(":") ? model : model + ":latest";
            String family = model.split(":")[0];
            ObjectNode entry = list.addObject()
                    .put("name", name)
                    .put("model", name)
                    .put("modified_at", MODIFIED_AT)
                    .put("size", 3_338_801_804L)
                    .put("digest", sha256(name));
            entry.putObject("details")
                    .put("parent_model", "")
                    .put("format", "gguf")
                    .put("family", family)
                    .put("parameter_size", "4.3B")
                    .put("quantization_level", "Q4_K_M")
                    .putArray("families")
                    .add(family);
        }
        return out;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode error(String message) {
        return Wire.JSON.createObjectNode().put("error", message);
    }

    private static ObjectNode faultError(Fault fault) {
        return error(
                fault.kind() == Fault.Kind.RATE_LIMIT
                        ? "rate limit exceeded (conform emulator)"
                        : "internal server error (conform emulator)");
    }
}
