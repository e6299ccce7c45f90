package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the Messages API refuses, from the request types of the {@code anthropic} 2.15 Python SDK
 * ({@code anthropic/types/message_create_params.py} and the block params beside it); each rule is in
 * docs/emulator.md. Answered with 400 {@code invalid_request_error} (404 {@code not_found_error} for a model).
 */
final class AnthropicRules {

    /** {@code MessageCreateParamsBase} and {@code stream}; the API refuses others ("Extra inputs are not permitted"). */
    static final Set<String> FIELDS = Set.of(
            "max_tokens",
            "messages",
            "model",
            "cache_control",
            "container",
            "diagnostics",
            "inference_geo",
            "metadata",
            "output_config",
            "service_tier",
            "speed",
            "stop_sequences",
            "system",
            "thinking",
            "tool_choice",
            "tools",
            "user_profile_id",
            "workspace_id",
            "stream");

    /**
     * {@code beta/message_create_params.py}: the beta surface ({@code ?beta=true}) takes these as well. The SDK's
     * {@code output_format} is no wire field: its {@code parse()} turns it into {@code output_config.format}.
     */
    static final Set<String> BETA_FIELDS = Set.of(
            "billing_policy",
            "compaction",
            "context_management",
            "fallback_credit_token",
            "fallbacks",
            "mcp_servers",
            "thread",
            "betas");

    /** {@code message_param.py}: user, assistant and system messages. */
    private static final Set<String> ROLES = Set.of("user", "assistant", "system");

    /** The only image types the Messages API takes. */
    private static final List<String> IMAGE_TYPES = List.of("image/jpeg", "image/png", "image/gif", "image/webp");

    private AnthropicRules() {}

    /** The first rule {@code body} breaks, or null. */
    static Violation check(JsonNode body, boolean beta, List<String> models) {
        if (!body.path("model").isTextual()) return invalid("required-fields", "model: Field required");
        if (!body.path("max_tokens").isIntegralNumber())
            return invalid(
                    "max-tokens", "max_tokens: Field required (an integer; Required[int] in message_create_params.py)");
        if (!body.path("messages").isArray()) return invalid("required-fields", "messages: Field required");
        String extra = Violation.unknownField(body, beta ? union(FIELDS, BETA_FIELDS) : FIELDS);
        if (extra != null)
            return invalid(
                    "known-fields",
                    extra + ": Extra inputs are not permitted"
                            + (BETA_FIELDS.contains(extra)
                                    ? " (it is a beta parameter: call /v1/messages?beta=true)"
                                    : ""));
        String model = body.path("model").asText();
        if (!Violation.served(models, model))
            return new Violation(404, "not_found_error", "anthropic/known-model", "model: " + model);
        Violation messages = messages(body.path("messages"));
        if (messages != null) return messages;
        return thinking(body);
    }

    private static Violation messages(JsonNode messages) {
        Set<String> previousToolUses = Set.of();
        for (int m = 0; m < messages.size(); m++) {
            JsonNode message = messages.get(m);
            String where = "messages." + m;
            String role = message.path("role").asText("");
            if (!ROLES.contains(role))
                return invalid(
                        "roles",
                        where + ".role: Input should be 'user', 'assistant' or 'system' (got " + message.path("role")
                                + ")");
            JsonNode content = message.path("content");
            if (!content.isTextual() && !content.isArray())
                return invalid("content-blocks", where + ".content: Input should be a string or a list of blocks");
            Set<String> toolUses = new HashSet<>();
            for (int b = 0; b < content.size(); b++) {
                JsonNode block = content.get(b);
                String at = where + ".content." + b;
                Violation shape = blockShape(block, at);
                if (shape != null) return shape;
                String type = block.path("type").asText();
                if (type.equals("tool_use")) toolUses.add(block.path("id").asText());
                if (type.equals("tool_result")
                        && !previousToolUses.contains(block.path("tool_use_id").asText()))
                    return invalid(
                            "tool-result-answers-tool-use",
                            at + ": unexpected `tool_use_id` found in `tool_result` blocks: "
                                    + block.path("tool_use_id").asText()
                                    + ". Each `tool_result` block must have a corresponding `tool_use` block in the"
                                    + " previous message.");
            }
            previousToolUses = role.equals("assistant") ? toolUses : Set.of();
        }
        return null;
    }

    /** The required fields of each block type ({@code text_block_param.py}, {@code image_block_param.py}, …). */
    private static Violation blockShape(JsonNode block, String at) {
        String type = block.path("type").asText("");
        List<String> required = switch (type) {
            case "text" -> List.of("text");
            case "image", "document" -> List.of("source");
            case "tool_use" -> List.of("id", "name", "input");
            case "tool_result" -> List.of("tool_use_id");
            case "thinking" -> List.of("thinking", "signature");
            case "redacted_thinking" -> List.of("data");
            case "search_result",
                    "server_tool_use",
                    "web_search_tool_result",
                    "web_fetch_tool_result",
                    "code_execution_tool_result",
                    "bash_code_execution_tool_result",
                    "text_editor_code_execution_tool_result",
                    "tool_search_tool_result",
                    "container_upload" -> List.of();
            default -> null;
        };
        if (required == null)
            return invalid(
                    "content-blocks",
                    at + ": Input tag '" + type + "' found using 'type' does not match any of the expected tags");
        for (String field : required) {
            if (block.path(field).isMissingNode() || block.path(field).isNull())
                return invalid("content-blocks", at + "." + type + "." + field + ": Field required");
        }
        if (type.equals("tool_use") && !block.path("input").isObject())
            return invalid("content-blocks", at + ".tool_use.input: Input should be a valid dictionary");
        if (type.equals("image")) {
            JsonNode source = block.path("source");
            String kind = source.path("type").asText("");
            List<String> fields = kind.equals("base64")
                    ? List.of("media_type", "data")
                    : kind.equals("url") ? List.of("url") : kind.equals("file") ? List.of("file_id") : null;
            if (fields == null)
                return invalid(
                        "content-blocks",
                        at + ".image.source: Input tag '" + kind
                                + "' found using 'type' does not match any of the expected tags: 'base64', 'url',"
                                + " 'file'");
            for (String field : fields)
                if (!source.path(field).isTextual())
                    return invalid("content-blocks", at + ".image.source." + kind + "." + field + ": Field required");
        }
        return null;
    }

    /** {@code thinking_config_enabled_param.py}: budget_tokens "Must be ≥1024 and less than `max_tokens`". */
    private static Violation thinking(JsonNode body) {
        JsonNode thinking = body.path("thinking");
        if (!thinking.path("type").asText("").equals("enabled")) return null;
        int budget = thinking.path("budget_tokens").asInt(-1);
        if (budget < 1024)
            return invalid(
                    "thinking-budget", "thinking.enabled.budget_tokens: Input should be greater than or equal to 1024");
        if (budget >= body.path("max_tokens").asInt())
            return invalid("thinking-budget", "`max_tokens` must be greater than `thinking.budget_tokens`");
        return null;
    }

    /**
     * The API rejects a base64 image whose bytes are not the image its media_type names (400 invalid_request_error);
     * so does the emulator, saying what the bytes were instead, since a plugin that encodes the wrong thing (a URL's
     * text, say) would otherwise just get a puzzling answer about "an image".
     */
    static Violation invalidImage(JsonNode body) {
        JsonNode messages = body.path("messages");
        for (int m = 0; m < messages.size(); m++) {
            JsonNode content = messages.get(m).path("content");
            for (int b = 0; b < content.size(); b++) {
                JsonNode source = content.get(b).path("source");
                if (!content.get(b).path("type").asText().equals("image")
                        || !source.path("type").asText().equals("base64")) continue;
                String type = source.path("media_type").asText("");
                byte[] data;
                try {
                    data = Base64.getMimeDecoder().decode(source.path("data").asText(""));
                } catch (IllegalArgumentException e) {
                    data = null;
                }
                String where = "messages." + m + ".content." + b + ".image.source.base64.data: ";
                if (data == null) return invalid("image-bytes", where + "the data is not valid base64");
                if (!IMAGE_TYPES.contains(type))
                    return invalid(
                            "image-bytes",
                            where + "media_type " + type + " is not one of " + String.join(", ", IMAGE_TYPES));
                if (!looksLike(type, data)) {
                    String head = new String(data, 0, Math.min(data.length, 40), StandardCharsets.ISO_8859_1)
                            .replaceAll("[^\\x20-\\x7e]", ".");
                    return invalid(
                            "image-bytes",
                            where + "the image was specified using the " + type
                                    + " media type, but does not appear to be a valid " + type.replace("image/", "")
                                    + " image; its " + data.length + " bytes begin \"" + head + "\"");
                }
            }
        }
        return null;
    }

    private static boolean looksLike(String mediaType, byte[] d) {
        return switch (mediaType) {
            case "image/png" -> d.length > 4 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G';
            case "image/jpeg" ->
                d.length > 3 && (d[0] & 0xff) == 0xff && (d[1] & 0xff) == 0xd8 && (d[2] & 0xff) == 0xff;
            case "image/gif" -> d.length > 4 && d[0] == 'G' && d[1] == 'I' && d[2] == 'F' && d[3] == '8';
            case "image/webp" ->
                d.length > 12
                        && d[0] == 'R'
                        && d[1] == 'I'
                        && d[8] == 'W'
                        && d[9] == 'E'
                        && d[10] == 'B'
                        && d[11] == 'P';
            default -> false;
        };
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Violation invalid(String rule, String detail) {
        return Violation.badRequest("invalid_request_error", "anthropic/" + rule, detail);
    }
}
