package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import conform.config.EmulatorDialect;
import java.io.IOException;

/**
 * OpenAI's API as compat-oai plugins call it: {@code POST /v1/chat/completions} (JSON, or SSE {@code data:}
 * records ending with {@code [DONE]}), {@code /v1/images/generations}, {@code /v1/audio/speech}, {@code GET /v1/models}.
 * Here the routing, the model listing and the error documents; {@link OpenAiRequests} decodes a request,
 * {@link OpenAiCompletion} and {@link OpenAiReplies} encode the answer.
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
        ChatRequest request = chat ? OpenAiRequests.decodeChat(body) : OpenAiRequests.decodeGeneration(body, path);
        Fault fault = emulator.admit(exchange, path, request, OpenAiDialect::error);
        if (fault == null) return;
        ChatReply reply = emulator.answer(request).limitedTo(Wire.limit(body, "max_completion_tokens", "max_tokens"));
        if (path.startsWith("/v1/images")) {
            Wire.json(exchange, 200, OpenAiReplies.images(body, reply, emulator));
        } else if (path.startsWith("/v1/audio")) {
            OpenAiReplies.speech(exchange, body.path("response_format").asText("mp3"));
        } else if (request.stream()) {
            new OpenAiCompletion(request, reply, body).stream(exchange, fault);
        } else {
            Wire.json(exchange, 200, new OpenAiCompletion(request, reply, body).whole());
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

    static ObjectNode error(String message, String type, String code) {
        ObjectNode out = Wire.JSON.createObjectNode();
        out.putObject("error")
                .put("message", message)
                .put("type", type)
                .putNull("param")
                .put("code", code);
        return out;
    }
}
