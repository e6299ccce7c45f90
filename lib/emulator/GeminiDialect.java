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
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The Gemini API (v1beta and v1) as the google-genai plugins call it, in JS (own fetch client), Python (google-genai
 * SDK) and Go (google.golang.org/genai): {@code POST /v1beta/models/{m}:generateContent} (JSON),
 * {@code :streamGenerateContent?alt=sse} (SSE {@code data:} records, each a whole GenerateContentResponse),
 * {@code :predict} (Imagen), {@code :countTokens}, and {@code GET /v1beta/models} (paged); the same on {@code /v1}.
 */
final class GeminiDialect implements Dialect {

    /** What a Gemini TTS model really answers: raw 16-bit PCM, not WAV, and the plugins pass it on as is. */
    static final String PCM_MIME = "audio/L16;codec=pcm;rate=" + Audio.SAMPLE_RATE;
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
        ChatRequest request =
                predict ? decodePredict(body, model) : decode(body, model, method.equals("streamGenerateContent"));
        Fault fault = emulator.admit(exchange, path, request, GeminiDialect::error);
        if (fault == null) return;
        ChatReply reply = emulator.answer(request)
                .limitedTo(Wire.limit(
                        field(body, "generationConfig", "generation_config"), "maxOutputTokens", "max_output_tokens"));
        if (predict && reply.media() == null) {
            // An explanation has no image to carry; as an error its text reaches the failure message.
            Wire.json(exchange, 400, error(400, reply.text(), "INVALID_ARGUMENT"));
        } else if (predict) {
            Wire.json(exchange, 200, predictions(reply));
        } else if (request.stream()) {
            stream(exchange, request, reply, fault, query.contains("alt=sse"));
        } else {
            Wire.json(exchange, 200, response(request, reply, parts(reply, request.model()), true));
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

    static ChatRequest decode(JsonNode body, String model, boolean stream) {
        StringBuilder system = new StringBuilder();
        for (JsonNode part :
                field(body, "systemInstruction", "system_instruction").path("parts")) {
            if (part.has("text") && !part.path("thought").asBoolean(false))
                system.append(system.isEmpty() ? "" : "\n")
                        .append(part.path("text").asText());
        }
        List<ChatRequest.Turn> turns = new ArrayList<>();
        for (JsonNode content : body.path("contents")) {
            List<Content> parts = new ArrayList<>();
            for (JsonNode part : content.path("parts")) {
                Content c = part(part);
                if (c != null) parts.add(c);
            }
            boolean onlyResults = !parts.isEmpty() && parts.stream().allMatch(ChatRequest.ToolResult.class::isInstance);
            String role = content.path("role").asText("user");
            turns.add(new ChatRequest.Turn(
                    role.equals("model") ? Role.MODEL : onlyResults || role.equals("function") ? Role.TOOL : Role.USER,
                    parts));
        }
        // Python sends one Tool per function, JS and Go one Tool with every function: read them all.
        List<ChatRequest.Tool> tools = new ArrayList<>();
        for (JsonNode tool : body.path("tools")) {
            for (JsonNode fn : field(tool, "functionDeclarations", "function_declarations")) {
                JsonNode schema = field(fn, "parametersJsonSchema", "parameters_json_schema");
                if (schema.isMissingNode()) schema = fn.path("parameters");
                tools.add(new ChatRequest.Tool(
                        fn.path("name").asText(),
                        fn.path("description").asText(""),
                        schema.isMissingNode() ? null : schema));
            }
        }
        JsonNode config = field(body, "generationConfig", "generation_config");
        String mime = field(config, "responseMimeType", "response_mime_type").asText("");
        JsonNode schema = field(config, "responseJsonSchema", "response_json_schema");
        if (schema.isMissingNode() || schema.isNull()) schema = field(config, "responseSchema", "response_schema");
        boolean thoughts = field(
                        field(config, "thinkingConfig", "thinking_config"), "includeThoughts", "include_thoughts")
                .asBoolean(false);
        Modality output = Modality.TEXT;
        for (JsonNode m : field(config, "responseModalities", "response_modalities")) {
            String modality = m.asText().toUpperCase(Locale.ROOT);
            if (modality.equals("IMAGE")) output = Modality.IMAGE;
            if (modality.equals("AUDIO")) output = Modality.AUDIO;
        }
        return new ChatRequest(
                EmulatorDialect.GEMINI,
                model,
                system.isEmpty() ? null : system.toString(),
                turns,
                tools,
                schema.isMissingNode() || schema.isNull() ? null : schema,
                mime.equals("application/json"),
                thoughts,
                output,
                stream,
                toolChoice(field(
                        field(body, "toolConfig", "tool_config"), "functionCallingConfig", "function_calling_config")));
    }

    /** {@code toolConfig.functionCallingConfig}: mode AUTO, ANY, VALIDATED or NONE, and the allowed function names. */
    private static ChatRequest.ToolChoice toolChoice(JsonNode config) {
        List<String> allowed = new ArrayList<>();
        field(config, "allowedFunctionNames", "allowed_function_names").forEach(n -> allowed.add(n.asText()));
        return switch (config.path("mode").asText("AUTO").toUpperCase(Locale.ROOT)) {
            case "NONE" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.NONE, List.of());
            case "ANY" -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.REQUIRED, allowed);
            default -> new ChatRequest.ToolChoice(ChatRequest.ToolChoice.Mode.AUTO, allowed);
        };
    }

    /** One request part; thoughts sent back as history and bare thought signatures carry nothing to answer. */
    private static Content part(JsonNode part) {
        if (part.path("thought").asBoolean(false)) return null;
        if (part.has("text")) return new ChatRequest.Text(part.path("text").asText());
        JsonNode inline = field(part, "inlineData", "inline_data");
        if (!inline.isMissingNode()) {
            return new ChatRequest.Media(
                    field(inline, "mimeType", "mime_type").asText("application/octet-stream"),
                    base64(inline.path("data").asText("")),
                    null);
        }
        JsonNode file = field(part, "fileData", "file_data");
        if (!file.isMissingNode()) {
            String uri = field(file, "fileUri", "file_uri").asText("");
            String mime = field(file, "mimeType", "mime_type").asText("");
            return new ChatRequest.Media(
                    mime.isEmpty() ? OpenAiDialect.media(uri).mimeType() : mime, null, uri);
        }
        JsonNode call = field(part, "functionCall", "function_call");
        if (!call.isMissingNode())
            return new ChatRequest.ToolCall(
                    call.path("id").asText(""), call.path("name").asText(), call.path("args"));
        JsonNode result = field(part, "functionResponse", "function_response");
        if (!result.isMissingNode())
            return new ChatRequest.ToolResult(
                    result.path("id").asText(""), result.path("name").asText("tool"), output(result.path("response")));
        return null;
    }

    /** The plugins wrap a tool's output as {@code {name, content}}; a map output is sent as it is. */
    private static String output(JsonNode response) {
        JsonNode content = response.has("content")
                ? response.get("content")
                : response.has("output") ? response.get("output") : response;
        return content.isTextual() ? content.asText() : content.toString();
    }

    /** Imagen's request: {@code {instances: [{prompt}], parameters: {sampleCount, …}}}. */
    static ChatRequest decodePredict(JsonNode body, String model) {
        String prompt = body.path("instances").path(0).path("prompt").asText("");
        return new ChatRequest(
                EmulatorDialect.GEMINI,
                model,
                null,
                List.of(new ChatRequest.Turn(Role.USER, List.of(new ChatRequest.Text(prompt)))),
                List.of(),
                null,
                false,
                false,
                Modality.IMAGE,
                false);
    }

    /** Standard or URL-safe base64 (pydantic serialises bytes URL-safe, the Go SDK and JS standard). */
    static byte[] base64(String text) {
        return Base64.getMimeDecoder().decode(text.replace('-', '+').replace('_', '/'));
    }

    /** The SDKs write camelCase; snake_case is accepted too, as the real API does. */
    static JsonNode field(JsonNode node, String camel, String snake) {
        return node.has(camel) ? node.get(camel) : node.path(snake);
    }

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
    private static ObjectNode response(ChatRequest request, ChatReply reply, List<ObjectNode> parts, boolean last) {
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
    private static void stream(HttpExchange exchange, ChatRequest request, ChatReply reply, Fault fault, boolean sse)
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

    private static ObjectNode predictions(ChatReply reply) {
        ObjectNode out = Wire.JSON.createObjectNode();
        out.putArray("predictions")
                .addObject()
                .put(
                        "bytesBase64Encoded",
                        Base64.getEncoder().encodeToString(reply.media().data()))
                .put("mimeType", reply.media().mimeType());
        return out;
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
