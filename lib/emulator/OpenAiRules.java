package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What OpenAI's chat completions, image and speech endpoints refuse, from the request types of the {@code openai}
 * 3.57 Python SDK ({@code openai/types/chat/completion_create_params.py} and the params beside it); each rule is in
 * docs/emulator.md. Answered with 400 {@code invalid_request_error} (404 {@code model_not_found} for a model).
 */
final class OpenAiRules {

    /** {@code CompletionCreateParamsBase} and {@code stream}; the API refuses others. */
    static final Set<String> CHAT_FIELDS = Set.of(
            "messages",
            "model",
            "audio",
            "frequency_penalty",
            "function_call",
            "functions",
            "logit_bias",
            "logprobs",
            "max_completion_tokens",
            "max_tokens",
            "metadata",
            "modalities",
            "moderation",
            "n",
            "parallel_tool_calls",
            "prediction",
            "presence_penalty",
            "prompt_cache_key",
            "prompt_cache_options",
            "prompt_cache_retention",
            "reasoning_effort",
            "response_format",
            "safety_identifier",
            "seed",
            "service_tier",
            "stop",
            "store",
            "stream_options",
            "temperature",
            "tool_choice",
            "tools",
            "top_logprobs",
            "top_p",
            "user",
            "verbosity",
            "web_search_options",
            "stream");

    /** {@code chat_completion_message_param.py}: the six message kinds. */
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    /** {@code response_format_json_schema.py}: "a-z, A-Z, 0-9, or … underscores and dashes, … maximum length of 64". */
    private static final Pattern FORMAT_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private OpenAiRules() {}

    /** The first rule a chat completion request breaks, or null. */
    static Violation checkChat(JsonNode body, List<String> models) {
        if (!body.path("model").isTextual())
            return invalid("required-fields", "model", "you must provide a model parameter");
        if (!body.path("messages").isArray())
            return invalid("required-fields", "messages", "Missing required parameter: 'messages'.");
        String extra = Violation.unknownField(body, CHAT_FIELDS);
        if (extra != null) return invalid("known-fields", extra, "Unrecognized request argument supplied: " + extra);
        Violation model = model(body, models);
        if (model != null) return model;
        Violation messages = messages(body.path("messages"));
        return messages != null ? messages : responseFormat(body.path("response_format"));
    }

    /**
     * The first rule an image or speech request breaks ({@code image_generate_params.py}: {@code prompt};
     * {@code audio/speech_create_params.py}: {@code input}, {@code model}, {@code voice}), or null.
     */
    static Violation checkGeneration(JsonNode body, boolean image, List<String> models) {
        for (String field : image ? List.of("prompt") : List.of("input", "model", "voice"))
            if (!body.path(field).isTextual())
                return invalid("required-fields", field, "Missing required parameter: '" + field + "'.");
        return body.has("model") ? model(body, models) : null;
    }

    private static Violation model(JsonNode body, List<String> models) {
        String model = body.path("model").asText();
        if (Violation.served(models, model)) return null;
        return new Violation(
                404,
                "invalid_request_error",
                "openai/known-model",
                "The model `" + model + "` does not exist or you do not have access to it.");
    }

    private static Violation messages(JsonNode messages) {
        Set<String> calls = new HashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String role = message.path("role").asText("");
            String at = "messages[" + i + "]";
            if (!ROLES.contains(role))
                return invalid(
                        "roles",
                        at + ".role",
                        "Invalid value: '" + role + "'. Supported values are: 'system', 'assistant', 'user',"
                                + " 'function', 'tool', and 'developer'.");
            for (JsonNode call : message.path("tool_calls"))
                calls.add(call.path("id").asText());
            if (!role.equals("tool")) continue;
            // chat_completion_tool_message_param.py: tool_call_id is Required[str], and answers an earlier call.
            if (!message.path("tool_call_id").isTextual())
                return invalid(
                        "tool-call-id", at + ".tool_call_id", "Missing required parameter: '" + at + ".tool_call_id'.");
            if (!calls.contains(message.path("tool_call_id").asText()))
                return invalid(
                        "tool-call-id",
                        at + ".role",
                        "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with"
                                + " 'tool_calls' (no earlier tool call has the id `"
                                + message.path("tool_call_id").asText() + "`).");
        }
        return null;
    }

    /**
     * {@code response_format_json_schema.py}: {@code json_schema.name} is required; with {@code strict: true} the
     * schema must be what the SDK's own {@code openai/lib/_pydantic.py} makes of a model
     * ({@code _ensure_strict_json_schema}): every object closed with {@code additionalProperties: false} and every
     * property required.
     */
    private static Violation responseFormat(JsonNode format) {
        if (format.isMissingNode() || format.isNull()) return null;
        String type = format.path("type").asText("");
        if (!List.of("text", "json_object", "json_schema").contains(type))
            return invalid(
                    "response-format",
                    "response_format.type",
                    "Invalid value: '" + type + "'. Supported values are: 'text', 'json_object', and 'json_schema'.");
        if (!type.equals("json_schema")) return null;
        JsonNode spec = format.path("json_schema");
        if (!spec.path("name").isTextual())
            return invalid(
                    "json-schema-name",
                    "response_format.json_schema.name",
                    "Missing required parameter: 'response_format.json_schema.name'.");
        String name = spec.path("name").asText();
        if (!FORMAT_NAME.matcher(name).matches())
            return invalid(
                    "json-schema-name",
                    "response_format.json_schema.name",
                    "Invalid 'response_format.json_schema.name': string does not match pattern. Expected a string"
                            + " that matches the pattern '^[a-zA-Z0-9_-]+$' of at most 64 characters.");
        if (!spec.path("strict").asBoolean(false)) return null;
        String problem = strictProblem(spec.path("schema"), List.of());
        return problem == null
                ? null
                : invalid(
                        "strict-schema",
                        "response_format",
                        "Invalid schema for response_format '" + name + "': In context=" + problem);
    }

    /** Where a strict schema is not closed or not fully required, in OpenAI's words, or null. */
    private static String strictProblem(JsonNode schema, List<String> path) {
        if (!schema.isObject()) return null;
        JsonNode properties = schema.path("properties");
        String context =
                "(" + String.join(", ", path.stream().map(p -> "'" + p + "'").toList()) + ")";
        if ("object".equals(Schemas.type(schema))) {
            if (!schema.path("additionalProperties").isBoolean()
                    || schema.path("additionalProperties").asBoolean())
                return context + ", 'additionalProperties' is required to be supplied and to be false.";
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (String property : (Iterable<String>) properties::fieldNames) {
                if (!required.contains(property))
                    return context + ", 'required' is required to be supplied and to be an array including every key"
                            + " in properties. Missing '" + property + "'.";
            }
        }
        List<Map.Entry<List<String>, JsonNode>> children = new ArrayList<>();
        properties
                .properties()
                .forEach(e -> children.add(Map.entry(with(path, "properties", e.getKey()), e.getValue())));
        children.add(Map.entry(with(path, "items"), schema.path("items")));
        for (String group : List.of("$defs", "definitions"))
            schema.path(group)
                    .properties()
                    .forEach(e -> children.add(Map.entry(with(path, group, e.getKey()), e.getValue())));
        for (int i = 0; i < schema.path("anyOf").size(); i++)
            children.add(Map.entry(
                    with(path, "anyOf", String.valueOf(i)), schema.path("anyOf").get(i)));
        for (Map.Entry<List<String>, JsonNode> child : children) {
            String inner = strictProblem(child.getValue(), child.getKey());
            if (inner != null) return inner;
        }
        return null;
    }

    private static List<String> with(List<String> path, String... more) {
        List<String> out = new ArrayList<>(path);
        out.addAll(List.of(more));
        return out;
    }

    private static Violation invalid(String rule, String param, String detail) {
        return new Violation(400, "invalid_request_error", "openai/" + rule, detail + " (param " + param + ")");
    }
}
