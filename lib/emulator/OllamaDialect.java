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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Ollama's API as genkitx-ollama (JS), genkit-ollama with the {@code ollama} SDK (Python) and plugins/ollama (Go)
 * call it: {@code POST /api/chat} and {@code POST /api/generate} (one JSON document with {@code "stream": false},
 * otherwise NDJSON — streaming is Ollama's default when {@code stream} is absent), and {@code GET /api/tags}.
 */
final class OllamaDialect implements Dialect {

    /**
     * The gap between streamed objects. Ollama sends a token every 10-30 ms; genkitx-ollama JSON-parses each network
     * read as one object, so objects written back to back can arrive in one read and break it ("Unexpected
     * non-whitespace character after JSON"). Pacing like the real server keeps that plugin bug from making runs flaky.
     */
    static final long STREAM_INTERVAL_MS = 20;

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
        Violation violation = invalid(body, chat, emulator.models(kind()));
        if (violation != null) {
            emulator.reject(exchange, path, violation, v -> error(v.message()));
            return;
        }
        ChatRequest request = chat ? decodeChat(body) : decodeGenerate(body);
        Fault fault = emulator.admit(exchange, path, request, OllamaDialect::faultError);
        if (fault == null) return;
        // options.num_predict (ollama/_types.py Options): the most tokens to predict; -1 or absent means no limit.
        Integer numPredict = Wire.limit(body.path("options"), "num_predict");
        ChatReply reply = emulator.answer(request).limitedTo(numPredict == null || numPredict < 0 ? null : numPredict);
        if (request.stream()) {
            stream(exchange, request, reply, fault, chat);
        } else {
            Wire.json(exchange, 200, done(request, reply, chat, reply.text(), reply.thought(), reply.toolCall()));
        }
    }

    /**
     * What Ollama refuses ({@code ollama} 0.6 Python SDK, {@code ollama/_types.py}): no model, a model not pulled
     * (404), a message without a role, image data that is not base64; or null.
     */
    static Violation invalid(JsonNode body, boolean chat, List<String> models) {
        String model = body.path("model").asText("");
        if (model.isBlank()) return invalid("required-fields", "model is required");
        if (!Violation.served(models, model))
            return new Violation(
                    404, "not_found", "ollama/known-model", "model \"" + model + "\" not found, try pulling it first");
        List<JsonNode> imageLists = new ArrayList<>();
        if (chat) {
            JsonNode messages = body.path("messages");
            for (int i = 0; i < messages.size(); i++) {
                if (messages.get(i).path("role").asText("").isBlank())
                    return invalid("roles", "messages[" + i + "]: role is required (Message.role in _types.py)");
                imageLists.add(messages.get(i).path("images"));
            }
        } else imageLists.add(body.path("images"));
        for (JsonNode images : imageLists) {
            for (JsonNode image : images) {
                if (decodeImage(image.asText("")) == null) {
                    String shown = image.asText("");
                    return invalid(
                            "images-base64",
                            "illegal base64 data in `images`: Ollama takes base64 image data only, not URLs or data"
                                    + " URIs (got \""
                                    + (shown.length() > 60 ? shown.substring(0, 60) + "…" : shown) + "\")");
                }
            }
        }
        return null;
    }

    private static Violation invalid(String rule, String detail) {
        return Violation.badRequest("bad_request", "ollama/" + rule, detail);
    }

    static ChatRequest decodeChat(JsonNode body) {
        StringBuilder system = new StringBuilder();
        List<ChatRequest.Turn> turns = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            String text = message.path("content").asText("");
            List<Content> content = new ArrayList<>();
            if (!text.isEmpty()) content.add(new ChatRequest.Text(text));
            for (JsonNode image : message.path("images")) content.add(image(image.asText()));
            for (JsonNode call : message.path("tool_calls")) {
                JsonNode fn = call.path("function");
                // Ollama sends arguments as an object; a plugin that sends the OpenAI-style string is read as well.
                JsonNode args = fn.path("arguments").isTextual()
                        ? OpenAiRequests.parseArguments(fn.path("arguments").asText())
                        : fn.path("arguments");
                content.add(new ChatRequest.ToolCall(
                        call.path("id").asText(""), fn.path("name").asText(), args));
            }
            switch (message.path("role").asText()) {
                case "system" -> {
                    if (!text.isEmpty())
                        system.append(system.isEmpty() ? "" : "\n").append(text);
                }
                // tool_name is optional in Ollama (the Python and Go plugins leave it out), so the name may be unknown.
                case "tool" ->
                    turns.add(new ChatRequest.Turn(
                            Role.TOOL,
                            List.of(new ChatRequest.ToolResult(
                                    message.path("tool_call_id").asText(""),
                                    message.path("tool_name").asText("tool"),
                                    text))));
                case "assistant" -> turns.add(new ChatRequest.Turn(Role.MODEL, content));
                default -> turns.add(new ChatRequest.Turn(Role.USER, content));
            }
        }
        List<ChatRequest.Tool> tools = OpenAiRequests.functionTools(body.path("tools"));
        JsonNode format = body.path("format");
        return new ChatRequest(
                EmulatorDialect.OLLAMA,
                body.path("model").asText(),
                system.isEmpty() ? null : system.toString(),
                turns,
                tools,
                format.isObject() ? format : null,
                jsonMode(format),
                thinks(body.path("think")),
                Modality.TEXT,
                streams(body));
    }

    /** /api/generate: one prompt (with top-level {@code images}) and an optional {@code system}; no history, no tools. */
    static ChatRequest decodeGenerate(JsonNode body) {
        List<Content> content = new ArrayList<>();
        content.add(new ChatRequest.Text(body.path("prompt").asText("")));
        for (JsonNode image : body.path("images")) content.add(image(image.asText()));
        String system = body.path("system").asText("");
        JsonNode format = body.path("format");
        return new ChatRequest(
                EmulatorDialect.OLLAMA,
                body.path("model").asText(),
                system.isBlank() ? null : system,
                List.of(new ChatRequest.Turn(Role.USER, content)),
                List.of(),
                format.isObject() ? format : null,
                jsonMode(format),
                thinks(body.path("think")),
                Modality.TEXT,
                streams(body));
    }

    /** Ollama streams unless told {@code "stream": false}. */
    private static boolean streams(JsonNode body) {
        return !body.has("stream")
                || body.path("stream").isNull()
                || body.path("stream").asBoolean(true);
    }

    /** {@code "json"}, or a JSON schema object; {@code ""} (what the Python SDK sends by default) asks for nothing. */
    private static boolean jsonMode(JsonNode format) {
        return format.isObject() || (format.isTextual() && format.asText().equalsIgnoreCase("json"));
    }

    /** {@code true}, or an effort ({@code "low"}, {@code "medium"}, {@code "high"}). */
    private static boolean thinks(JsonNode think) {
        return think.isBoolean()
                ? think.asBoolean()
                : think.isTextual()
                        && !think.asText().isBlank()
                        && !think.asText().equals("false");
    }

    private static ChatRequest.Media image(String base64) {
        byte[] data = decodeImage(base64);
        return new ChatRequest.Media(mimeType(data), data, null);
    }

    /** Ollama decodes {@code images} with Go's strict standard base64; anything else (a URL, a data URI) is an error there. */
    static byte[] decodeImage(String base64) {
        if (base64.isEmpty()) return null;
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The image type from its first bytes; Ollama gets no MIME type, only the data. */
    static String mimeType(byte[] data) {
        if (data == null) return "image/*";
        if (startsWith(data, 0x89, 'P', 'N', 'G')) return "image/png";
        if (startsWith(data, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
        if (startsWith(data, 'G', 'I', 'F', '8')) return "image/gif";
        if (data.length >= 12
                && startsWith(data, 'R', 'I', 'F', 'F')
                && new String(data, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) return "image/webp";
        return "image/*";
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((data[i] & 0xFF) != prefix[i]) return false;
        return true;
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

    /**
     * NDJSON as Ollama streams it: thinking pieces, then text pieces (or one tool_calls chunk), each with
     * {@code "done": false}, then an empty {@code "done": true} object with the counts. One object per write:
     * genkitx-ollama JSON-parses every network read on its own.
     */
    private static void stream(HttpExchange exchange, ChatRequest request, ChatReply reply, Fault fault, boolean chat)
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
    private static ObjectNode done(
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
