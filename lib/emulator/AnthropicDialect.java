package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import conform.config.EmulatorDialect;
import java.io.IOException;
import java.util.List;

/**
 * Anthropic's Messages API as the JS, Python and Go anthropic plugins call it: {@code POST /v1/messages} (the beta
 * surface adds {@code ?beta=true}), answered as one JSON message or as SSE with named events, and
 * {@code GET /v1/models} (also {@code ?beta=true}), which the Go plugin lists models from. Here the routing, the
 * model listing and the error documents; {@link AnthropicRequests} decodes a request, {@link AnthropicReplies}
 * encodes the answer.
 */
final class AnthropicDialect implements Dialect {

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
        if (violation == null) violation = AnthropicRules.invalidImage(body);
        if (violation != null) {
            emulator.reject(exchange, target, violation, v -> errorBody(v.type(), v.message()));
            return;
        }
        ChatRequest request = AnthropicRequests.decode(body);
        Fault fault = emulator.admit(exchange, target, request, AnthropicDialect::error);
        if (fault == null) return;
        ChatReply reply =
                emulator.answer(request).limitedTo(body.path("max_tokens").asInt());
        if (request.stream()) AnthropicReplies.stream(exchange, request, reply, fault);
        else Wire.json(exchange, 200, AnthropicReplies.message(request, reply));
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
