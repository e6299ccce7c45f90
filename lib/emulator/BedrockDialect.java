package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import conform.config.EmulatorDialect;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon Bedrock's Converse API as boto3 calls it for the Python amazon-bedrock plugin:
 * {@code POST /model/{modelId}/converse} (JSON) and {@code /converse-stream} (AWS event-stream frames), signed with
 * SigV4, whose signature the emulator takes as it is (it has no secret to check it against). Here the routing and the
 * error documents; {@link BedrockRequests} decodes a request, {@link BedrockReplies} encodes the answer.
 */
final class BedrockDialect implements Dialect {

    private static final Pattern PATH = Pattern.compile("/model/([^/]+)/(converse|converse-stream)");

    @Override
    public EmulatorDialect kind() {
        return EmulatorDialect.BEDROCK;
    }

    @Override
    public boolean serves(String method, String path, Headers headers) {
        return method.equals("POST") && PATH.matcher(path).matches();
    }

    @Override
    public String fieldName(Concept concept) {
        return switch (concept) {
            case SYSTEM -> "`system`";
            case TOOLS -> "`toolConfig.tools`";
            case JSON_SCHEMA -> "`outputConfig.textFormat`";
            case HISTORY -> "earlier `messages`";
            case IMAGE -> "`image` content block";
            case VIDEO -> "`video` content block";
            case THOUGHTS -> "`additionalModelRequestFields.thinking`";
            case IMAGE_OUTPUT -> "image output (Converse answers text)";
            case AUDIO_OUTPUT -> "audio output (Converse answers text)";
        };
    }

    @Override
    public void handle(HttpExchange exchange, EmulatorContext emulator) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        Matcher m = PATH.matcher(path);
        if (!m.matches()) throw new IllegalStateException("not a Converse path: " + path);
        String model = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        boolean stream = m.group(2).equals("converse-stream");
        JsonNode body = Wire.readJson(exchange);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        boolean signed = auth != null && (auth.startsWith("AWS4-HMAC-SHA256 ") || auth.startsWith("Bearer "));
        Violation violation = BedrockRules.check(body, model, signed, emulator.models(kind()));
        if (violation != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", violation.type());
            emulator.reject(exchange, path, violation, v -> error(v.type(), v.message()));
            return;
        }
        ChatRequest request = BedrockRequests.decode(body, model, stream);
        Fault fault = emulator.admit(exchange, path, request, BedrockDialect::error);
        if (fault == null) return;
        ChatReply reply = emulator.answer(request).limitedTo(Wire.limit(body.path("inferenceConfig"), "maxTokens"));
        if (stream) BedrockReplies.stream(exchange, request, reply, fault);
        else Wire.json(exchange, 200, BedrockReplies.response(request, reply));
    }

    /** A REST-JSON error body: botocore reads the error's name from {@code __type} (or x-amzn-ErrorType). */
    private static ObjectNode error(String type, String message) {
        return Wire.JSON.createObjectNode().put("__type", type).put("message", message);
    }

    private static ObjectNode error(Fault fault) {
        return fault.kind() == Fault.Kind.RATE_LIMIT
                ? error("ThrottlingException", "Too many requests, please wait before trying again. (conform emulator)")
                : error("InternalServerException", "The server encountered an internal error (conform emulator)");
    }
}
