package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import conform.config.EmulatorDialect;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Gemini API (v1beta and v1) as the google-genai plugins call it, in JS (own fetch client), Python (google-genai
 * SDK) and Go (google.golang.org/genai): {@code POST /v1beta/models/{m}:generateContent} (JSON),
 * {@code :streamGenerateContent?alt=sse} (SSE {@code data:} records, each a whole GenerateContentResponse),
 * {@code :predict} (Imagen), {@code :countTokens}, and {@code GET /v1beta/models} (paged); the same on {@code /v1}.
 * Here the routing, the model listing and the error documents; {@link GeminiRequests} decodes a request,
 * {@link GeminiReplies} encodes the answer.
 */
final class GeminiDialect implements Dialect {

    /** The real API pages model listings by 50 when no pageSize is given. */
    private static final int DEFAULT_PAGE = 50;

    @Override
    public EmulatorDialect kind() {
        return EmulatorDialect.GEMINI;
    }

    @Override
    public boolean serves(String method, String path, Headers headers) {
        // google-genai 3.x defaults to v1 (GOOGLE_AI_API_DEFAULT_VERSION in _api_client.py), the plugins to v1beta.
        // GET /v1/models is also OpenAI's (and Anthropic's) listing: Google's clients are told by their key header.
        return path.startsWith("/v1beta/models")
                || path.startsWith("/v1alpha/models")
                || (path.startsWith("/v1/models/") && path.contains(":"))
                || (path.startsWith("/v1/models") && Dialect.fromGoogleSdk(headers));
    }

    @Override
    public String fieldName(Concept concept) {
        return switch (concept) {
            case SYSTEM -> "`systemInstruction`";
            case TOOLS -> "`tools.functionDeclarations`";
            case JSON_SCHEMA ->
                "`generationConfig.responseMimeType` application/json (or `responseSchema`/`responseJsonSchema`)";
            case HISTORY -> "earlier `contents`";
            case IMAGE -> "image `inlineData` part (or `fileData` part)";
            case VIDEO -> "video `fileData` part";
            case THOUGHTS -> "`generationConfig.thinkingConfig.includeThoughts`";
            case IMAGE_OUTPUT -> "`generationConfig.responseModalities` IMAGE (nor a call to :predict)";
            case AUDIO_OUTPUT -> "`generationConfig.responseModalities` AUDIO";
        };
    }

    @Override
    public void handle(HttpExchange exchange, EmulatorContext emulator) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery() == null
                ? ""
                : exchange.getRequestURI().getRawQuery();
        int colon = path.lastIndexOf(':');
        String method = colon < 0 ? "" : path.substring(colon + 1);
        String model = modelId(path);
        if (exchange.getRequestMethod().equals("GET")) {
            if (model.isEmpty()) listModels(exchange, emulator, query);
            else getModel(exchange, emulator, model);
            return;
        }
        JsonNode body = Wire.readJson(exchange);
        if (method.equals("countTokens")) {
            // Not a model turn: no fault, no answer, just a plausible count.
            emulator.log("POST " + path + " model=" + model);
            Wire.json(exchange, 200, Wire.JSON.createObjectNode().put("totalTokens", 10));
            return;
        }
        boolean predict = method.equals("predict");
        if (!predict && !method.equals("generateContent") && !method.equals("streamGenerateContent")) {
            emulator.log("POST " + path + " → 404 (the emulator does not serve :" + method + ")");
            Wire.json(
                    exchange,
                    404,
                    error(404, "Method :" + method + " is not served by the conform emulator", "NOT_FOUND"));
            return;
        }
        String version = path.substring(1, path.indexOf('/', 1));
        Violation violation = predict
                ? GeminiRules.model(model, version, emulator.models(kind()))
                : GeminiRules.check(body, model, version, emulator.models(kind()));
        if (violation != null) {
            emulator.reject(exchange, path, violation, v -> error(v.status(), v.message(), v.type()));
            return;
        }
        ChatRequest request = predict
                ? GeminiRequests.decodePredict(body, model)
                : GeminiRequests.decode(body, model, method.equals("streamGenerateContent"));
        Fault fault = emulator.admit(exchange, path, request, GeminiDialect::error);
        if (fault == null) return;
        ChatReply reply = emulator.answer(request)
                .limitedTo(Wire.limit(
                        GeminiRequests.field(body, "generationConfig", "generation_config"),
                        "maxOutputTokens",
                        "max_output_tokens"));
        if (predict && reply.media() == null) {
            // An explanation has no image to carry; as an error its text reaches the failure message.
            Wire.json(exchange, 400, error(400, reply.text(), "INVALID_ARGUMENT"));
        } else if (predict) {
            Wire.json(exchange, 200, GeminiReplies.predictions(reply));
        } else if (request.stream()) {
            GeminiReplies.stream(exchange, request, reply, fault, query.contains("alt=sse"));
        } else {
            Wire.json(
                    exchange,
                    200,
                    GeminiReplies.response(request, reply, GeminiReplies.parts(reply, request.model()), true));
        }
    }

    /** The model id from {@code /v1beta/models/{id}[:method]}, or "" for the listing itself. */
    static String modelId(String path) {
        int at = path.indexOf("/models/");
        if (at < 0) return "";
        String rest = path.substring(at + "/models/".length());
        int colon = rest.indexOf(':');
        return URLDecoder.decode(colon < 0 ? rest : rest.substring(0, colon), StandardCharsets.UTF_8);
    }

    private void listModels(HttpExchange exchange, EmulatorContext emulator, String query) throws IOException {
        List<String> ids = emulator.listed(kind());
        int size = Math.max(1, Math.min(1000, intParam(query, "pageSize", DEFAULT_PAGE)));
        int from = Math.max(0, Math.min(ids.size(), intParam(query, "pageToken", 0)));
        int to = Math.min(ids.size(), from + size);
        ObjectNode list = Wire.JSON.createObjectNode();
        ArrayNode models = list.putArray("models");
        for (String id : ids.subList(from, to)) models.add(model(id));
        if (to < ids.size()) list.put("nextPageToken", String.valueOf(to));
        emulator.log("GET " + exchange.getRequestURI() + " → " + models.size() + " model(s)");
        Wire.json(exchange, 200, list);
    }

    private void getModel(HttpExchange exchange, EmulatorContext emulator, String id) throws IOException {
        boolean listed = emulator.listed(kind()).contains(id);
        emulator.log("GET " + exchange.getRequestURI().getPath() + (listed ? "" : " → 404"));
        if (listed) Wire.json(exchange, 200, model(id));
        else
            Wire.json(
                    exchange,
                    404,
                    error(
                            404,
                            "models/" + id + " is not found (the conform emulator lists no provider's catalogue)",
                            "NOT_FOUND"));
    }

    /** A Model resource; supportedGenerationMethods is what the SDKs map to supportedActions. */
    static ObjectNode model(String id) {
        ObjectNode m = Wire.JSON
                .createObjectNode()
                .put("name", "models/" + id)
                .put("baseModelId", id)
                .put("version", "001")
                .put("displayName", id)
                .put("description", "Emulated by conform")
                .put("inputTokenLimit", 1048576)
                .put("outputTokenLimit", 65536);
        ArrayNode methods = m.putArray("supportedGenerationMethods");
        if (id.startsWith("imagen")) methods.add("predict");
        else if (id.contains("embedding")) methods.add("embedContent");
        else methods.add("generateContent").add("countTokens");
        return m;
    }

    private static int intParam(String query, String name, int fallback) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                try {
                    return Integer.parseInt(pair.substring(name.length() + 1));
                } catch (NumberFormatException e) {
                    return fallback;
                }
            }
        }
        return fallback;
    }

    /** Google's error document; a 429 also carries the RetryInfo detail the SDKs and conform read the delay from. */
    private static ObjectNode error(Fault fault) {
        if (fault.kind() != Fault.Kind.RATE_LIMIT)
            return error(500, "Internal error encountered (conform emulator)", "INTERNAL");
        ObjectNode out =
                error(429, "Resource has been exhausted (e.g. check quota) (conform emulator)", "RESOURCE_EXHAUSTED");
        ((ObjectNode) out.get("error"))
                .putArray("details")
                .addObject()
                .put("@type", "type.googleapis.com/google.rpc.RetryInfo")
                .put(
                        "retryDelay",
                        BigDecimal.valueOf(fault.millis(), 3)
                                        .stripTrailingZeros()
                                        .toPlainString() + "s");
        return out;
    }

    private static ObjectNode error(int code, String message, String status) {
        ObjectNode out = Wire.JSON.createObjectNode();
        out.putObject("error").put("code", code).put("message", message).put("status", status);
        return out;
    }
}
