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
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OpenAI's API as compat-oai plugins call it: {@code POST /v1/chat/completions} (JSON, or SSE {@code data:}
 * records ending with {@code [DONE]}), {@code /v1/images/generations}, {@code /v1/audio/speech}, {@code GET /v1/models}.
 */
final class OpenAiDialect implements Dialect {

    @Override
    public EmulatorDialect kind() {
        return EmulatorDialect.OPENAI;
    }

    @Override
    public boolean serves(String method, String path, Headers headers) {
        return path.startsWith("/v1/chat/completions")
                || path.startsWith("/v1/images/generations")
                || path.startsWith("/v1/audio/speech")
                || (method.equals("GET")
                        && path.startsWith("/v1/models")
                        && !path.contains(":")
                        && !Dialect.fromAnthropicSdk(headers)
                        && !Dialect.fromGoogleSdk(headers));
    }

    @Override
    public String fieldName(Concept concept) {
        return switch (concept) {
            case SYSTEM -> "`system` (or `developer`) message";
            case TOOLS -> "`tools`";
            case JSON_SCHEMA -> "`response_format`";
            case HISTORY -> "earlier `messages`";
            case IMAGE -> "`image_url` content part";
            case VIDEO -> "video content part";
            case THOUGHTS -> "`reasoning_effort`";
            case IMAGE_OUTPUT -> "call to /v1/images/generations";
            case AUDIO_OUTPUT -> "call to /v1/audio/speech";
        };
    }

    @Override
    public void handle(HttpExchange exchange, EmulatorContext emulator) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("GET")) {
            ArrayNode data = Wire.JSON.createArrayNode();
            for (String id : emulator.listed(kind()))
                data.addObject()
                        .put("id", id)
                        .put("object", "model")
                        .put("created", 0)
                        .put("owned_by", "conform-emulator");
            emulator.log("GET " + path + " → " + data.size() + " model(s)");
            ObjectNode list = Wire.JSON.createObjectNode().put("object", "list");
            list.set("data", data);
            Wire.json(exchange, 200, list);
            return;
        }
        JsonNode body = Wire.readJson(exchange);
        boolean chat = path.startsWith("/v1/chat");
        Violation violation = chat
                ? OpenAiRules.checkChat(body, emulator.models(kind()))
                : OpenAiRules.checkGeneration(body, path.startsWith("/v1/images"), emulator.models(kind()));
        if (violation != null) {
            emulator.reject(exchange, path, violation, OpenAiDialect::error);
            return;
        }
        ChatRequest request = chat ? decodeChat(body) : decodeGeneration(body, path);
        Fault fault = emulator.admit(exchange, path, request, OpenAiDialect::error);
        if (fault == null) return;
        ChatReply reply = emulator.answer(request).limitedTo(Wire.limit(body, "max_completion_tokens", "max_tokens"));
        if (path.startsWith("/v1/images")) {
            Wire.json(exchange, 200, images(body, reply, emulator));
        } else if (path.startsWith("/v1/audio")) {
            speech(exchange, body.path("response_format").asText("mp3"));
        } else if (request.stream()) {
            new OpenAiCompletion(request, reply, body).stream(exchange, fault);
        } else {
            Wire.json(exchange, 200, new OpenAiCompletion(request, reply, body).whole());
        }
    }

    /**
     * {@code images.generate}'s answer ({@code openai/types/images_response.py}): base64 unless the request asks
     * for {@code response_format: url}, then an http URL the emulator serves the image at.
     */
    private static ObjectNode images(JsonNode body, ChatReply reply, EmulatorContext emulator) {
        byte[] png = reply.media() == null ? new byte[0] : reply.media().data();
        ObjectNode out =
                Wire.JSON.createObjectNode().put("created", Instant.now().getEpochSecond());
        ObjectNode image = out.putArray("data").addObject();
        if (body.path("response_format").asText("").equals("url")) image.put("url", emulator.serve("image/png", png));
        else image.put("b64_json", Base64.getEncoder().encodeToString(png));
        image.put("revised_prompt", body.path("prompt").asText());
        return out;
    }

    /**
     * Speech in the format asked for ({@code audio/speech_create_params.py}: mp3 by default): 0.1 s of silence as
     * MP3, WAV or raw 24 kHz 16-bit PCM. The emulator encodes no opus, aac or flac, and says so.
     */
    private static void speech(HttpExchange exchange, String format) throws IOException {
        byte[] audio;
        String type;
        switch (format) {
            case "mp3" -> {
                audio = Audio.silenceMp3();
                type = "audio/mpeg";
            }
            case "wav" -> {
                audio = Audio.silenceWav();
                type = "audio/wav";
            }
            case "pcm" -> {
                audio = Audio.silencePcm();
                type = "audio/pcm";
            }
            default -> {
                Wire.json(
                        exchange,
                        400,
                        error(
                                "the conform emulator answers speech as mp3, wav or pcm, not " + format,
                                "invalid_request_error",
                                null));
                return;
            }
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, audio.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(audio);
        }
    }

    static ChatRequest decodeChat(JsonNode body) {
        StringBuilder system = new StringBuilder();
        List<ChatRequest.Turn> turns = new ArrayList<>();
        Map<String, String> callNames = new HashMap<>();
        for (JsonNode message : body.path("messages")) {
            String role = message.path("role").asText();
            List<Content> content = new ArrayList<>();
            JsonNode c = message.path("content");
            if (c.isTextual()) content.add(new ChatRequest.Text(c.asText()));
            for (JsonNode part : c.isArray() ? c : Wire.JSON.createArrayNode()) {
                switch (part.path("type").asText()) {
                    case "text" ->
                        content.add(new ChatRequest.Text(part.path("text").asText()));
                    case "image_url" ->
                        content.add(media(part.path("image_url").path("url").asText()));
                    default -> {}
                }
            }
            for (JsonNode call : message.path("tool_calls")) {
                callNames.put(
                        call.path("id").asText(),
                        call.path("function").path("name").asText());
                content.add(new ChatRequest.ToolCall(
                        call.path("id").asText(),
                        call.path("function").path("name").asText(),
                        parseArguments(call.path("function").path("arguments").asText("{}"))));
            }
            switch (role) {
                case "system", "developer" ->
                    content.stream()
                            .filter(ChatRequest.Text.class::isInstance)
                            .forEach(t ->
                                    system.append(system.isEmpty() ? "" : "\n").append(((ChatRequest.Text) t).text()));
                case "tool" ->
                    turns.add(new ChatRequest.Turn(
                            Role.TOOL,
                            List.of(new ChatRequest.ToolResult(
                                    message.path("tool_call_id").asText(),
                                    // A tool message names no tool: it is the call's, found by its id.
                                    callNames.getOrDefault(
                                            message.path("tool_call_id").asText(), "tool"),
                                    c.isTextual() ? c.asText() : c.toString()))));
                case "assistant" -> turns.add(new ChatRequest.Turn(Role.MODEL, content));
                default -> turns.add(new ChatRequest.Turn(Role.USER, content));
            }
        }
        List<ChatRequest.Tool> tools = functionTools(body.path("tools"));
        JsonNode format = body.path("response_format");
        String formatType = format.path("type").asText("");
        JsonNode schema =
                formatType.equals("json_schema") ? format.path("json_schema").path("schema") : null;
        return new ChatRequest(
                EmulatorDialect.OPENAI,
                body.path("model").asText(),
                system.isEmpty() ? null : system.toString(),
                turns,
                tools,
                schema == null || schema.isMissingNode() ? null : schema,
                formatType.startsWith("json"),
                body.has("reasoning_effort"),
                Modality.TEXT,
                body.path("stream").asBoolean(false),
                toolChoice(body.path("tool_choice")));
    }

    /** {@code tool_choice}: "none", "auto", "required", or {type: function, function: {name}}. */
    private static ChatRequest.ToolChoice toolChoice(JsonNode choice) {
        if (choice.isObject())
            return ChatRequest.ToolChoice.named(
                    choice.path("function").path("name").asText());
        return switch (choice.asText("auto")) {
            case "none" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.NONE, List.of());
            case "required" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.REQUIRED, List.of());
            default -> ChatRequest.ToolChoice.AUTO;
        };
    }

    private static ChatRequest decodeGeneration(JsonNode body, String path) {
        Modality modality = path.startsWith("/v1/images") ? Modality.IMAGE : Modality.AUDIO;
        String prompt =
                body.path(modality == Modality.IMAGE ? "prompt" : "input").asText("");
        return new ChatRequest(
                EmulatorDialect.OPENAI,
                body.path("model").asText(),
                null,
                List.of(new ChatRequest.Turn(Role.USER, List.of(new ChatRequest.Text(prompt)))),
                List.of(),
                null,
                false,
                false,
                modality,
                false);
    }

    static ChatRequest.Media media(String url) {
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            String header = url.substring(5, Math.max(comma, 5));
            String mime = header.split(";")[0];
            byte[] data = header.endsWith(";base64")
                    ? Base64.getMimeDecoder().decode(url.substring(comma + 1))
                    : url.substring(comma + 1).getBytes();
            return new ChatRequest.Media(mime, data, null);
        }
        String lower = url.toLowerCase(Locale.ROOT);
        String mime = lower.contains("youtube")
                ? "video/mp4"
                : lower.endsWith(".png")
                        ? "image/png"
                        : lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? "image/jpeg" : "image/*";
        return new ChatRequest.Media(mime, null, url);
    }

    /** Tools as OpenAI declares them, {@code [{type: function, function: {name, description, parameters}}]}; Ollama too. */
    static List<ChatRequest.Tool> functionTools(JsonNode tools) {
        List<ChatRequest.Tool> out = new ArrayList<>();
        for (JsonNode tool : tools) {
            JsonNode fn = tool.path("function");
            out.add(new ChatRequest.Tool(
                    fn.path("name").asText(), fn.path("description").asText(""), fn.path("parameters")));
        }
        return out;
    }

    static JsonNode parseArguments(String text) {
        try {
            return Wire.JSON.readTree(text);
        } catch (IOException e) {
            return Wire.JSON.getNodeFactory().textNode(text);
        }
    }

    private static ObjectNode error(Fault fault) {
        boolean limited = fault.kind() == Fault.Kind.RATE_LIMIT;
        return error(
                limited ? "Rate limit reached (conform emulator)" : "The server had an error (conform emulator)",
                limited ? "rate_limit_error" : "server_error",
                limited ? "rate_limit_exceeded" : "server_error");
    }

    /** OpenAI's error document: {@code {"error": {message, type, param, code}}} ({@code openai/_exceptions.py}). */
    private static ObjectNode error(Violation violation) {
        return error(violation.message(), violation.type(), violation.status() == 404 ? "model_not_found" : null);
    }

    private static ObjectNode error(String message, String type, String code) {
        ObjectNode out = Wire.JSON.createObjectNode();
        out.putObject("error")
                .put("message", message)
                .put("type", type)
                .putNull("param")
                .put("code", code);
        return out;
    }
}
