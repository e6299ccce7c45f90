package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the Gemini API refuses in a generateContent request, from the {@code google-genai} 3.6 Python SDK
 * ({@code google/genai/types.py} and the request it builds in {@code models.py}); each rule is in
 * docs/emulator.md. Answered with 400 {@code INVALID_ARGUMENT} (404 {@code NOT_FOUND} for a model).
 */
final class GeminiRules {

    /** The GenerateContentRequest fields the SDK sends ({@code _GenerateContentParameters_to_mldev}, camelCase). */
    static final Set<String> FIELDS = Set.of(
            "contents",
            "generationConfig",
            "systemInstruction",
            "tools",
            "toolConfig",
            "safetySettings",
            "cachedContent",
            "labels",
            "serviceTier",
            "store",
            "model");

    /** {@code types.Schema}: "a select subset of an OpenAPI 3.0 schema object", as its JSON names them. */
    static final Set<String> SCHEMA_FIELDS = Set.of(
            "additionalProperties",
            "$defs",
            "$ref",
            "anyOf",
            "default",
            "description",
            "enum",
            "example",
            "format",
            "items",
            "maxItems",
            "maxLength",
            "maxProperties",
            "maximum",
            "minItems",
            "minLength",
            "minProperties",
            "minimum",
            "nullable",
            "pattern",
            "properties",
            "propertyOrdering",
            "required",
            "title",
            "type");

    private GeminiRules() {}

    /** The first rule a generateContent request breaks, or null. */
    static Violation check(JsonNode body, String model, String version, List<String> models) {
        Violation unknown = model(model, version, models);
        if (unknown != null) return unknown;
        for (String field : (Iterable<String>) body::fieldNames) {
            if (!FIELDS.contains(camel(field)))
                return invalid(
                        "known-fields",
                        "Invalid JSON payload received. Unknown name \"" + field + "\": Cannot find field.");
        }
        JsonNode contents = body.path("contents");
        if (contents.isEmpty())
            return invalid("required-fields", "* GenerateContentRequest.contents: contents is not specified");
        Violation turns = turns(contents);
        if (turns != null) return turns;
        JsonNode config = field(body, "generationConfig");
        JsonNode schema = field(config, "responseSchema");
        String where = "generation_config.response_schema";
        Violation subset = schema.isMissingNode() || schema.isNull() ? null : subset(schema, where);
        if (subset != null) return subset;
        for (JsonNode tool : body.path("tools")) {
            for (JsonNode fn : field(tool, "functionDeclarations")) {
                JsonNode parameters = fn.path("parameters");
                if (parameters.isMissingNode()) continue;
                Violation p = subset(parameters, "tools[0].function_declarations[0].parameters");
                if (p != null) return p;
            }
        }
        return null;
    }

    /** A model the listing does not have, for every method (Imagen's :predict too), or null. */
    static Violation model(String model, String version, List<String> models) {
        if (Violation.served(models, model)) return null;
        return new Violation(
                404,
                "NOT_FOUND",
                "gemini/known-model",
                "models/" + model + " is not found for API version " + version
                        + ", or is not supported for generateContent. Call ListModels to see the list of available"
                        + " models and their supported methods.");
    }

    /**
     * {@code types.Content.role}: "Must be either 'user' or 'model'"; {@code types.FunctionResponse}: "the result of
     * a FunctionCall made based on model prediction", so a turn of function responses follows a model turn whose
     * function calls it answers, one response per call.
     */
    private static Violation turns(JsonNode contents) {
        int previousCalls = 0;
        for (int i = 0; i < contents.size(); i++) {
            JsonNode content = contents.get(i);
            String role = content.path("role").asText("user");
            if (!role.equals("user") && !role.equals("model"))
                return invalid(
                        "roles",
                        "Please use a valid role: user, model. (contents[" + i + "].role is \"" + role + "\")");
            int calls = 0;
            int responses = 0;
            for (JsonNode part : content.path("parts")) {
                if (!field(part, "functionCall").isMissingNode()) calls++;
                if (!field(part, "functionResponse").isMissingNode()) responses++;
            }
            if (responses > 0 && responses != previousCalls)
                return invalid(
                        "function-response-follows-call",
                        "Please ensure that function response turn comes immediately after a function call turn. And"
                                + " the number of function response parts should be equal to number of function call"
                                + " parts of the function call turn. (contents[" + i + "] has " + responses
                                + " function response(s), the turn before it " + previousCalls
                                + " function call(s))");
            previousCalls = role.equals("model") ? calls : 0;
        }
        return null;
    }

    /** A Schema uses only types.Schema's fields, with one type each, all the way down. */
    private static Violation subset(JsonNode schema, String where) {
        if (!schema.isObject()) return null;
        for (String name : (Iterable<String>) schema::fieldNames) {
            if (!SCHEMA_FIELDS.contains(camel(name)) && !SCHEMA_FIELDS.contains(name))
                return invalid(
                        "schema-subset",
                        "Invalid JSON payload received. Unknown name \"" + name + "\" at '" + where
                                + "': Cannot find field.");
        }
        if (schema.has("type") && !schema.get("type").isTextual())
            return invalid(
                    "schema-subset",
                    "Invalid JSON payload received. Invalid value at '" + where
                            + ".type' (type.googleapis.com/google.ai.generativelanguage.v1beta.Type): "
                            + schema.get("type"));
        for (var e : schema.path("properties").properties()) {
            Violation inner = subset(e.getValue(), where + ".properties[" + e.getKey() + "].value");
            if (inner != null) return inner;
        }
        for (var e : schema.path("$defs").properties()) {
            Violation inner = subset(e.getValue(), where + ".$defs[" + e.getKey() + "].value");
            if (inner != null) return inner;
        }
        Violation items = subset(schema.path("items"), where + ".items");
        if (items != null) return items;
        for (int i = 0; i < schema.path("anyOf").size(); i++) {
            Violation inner = subset(schema.path("anyOf").get(i), where + ".any_of[" + i + "]");
            if (inner != null) return inner;
        }
        return null;
    }

    /** The REST API takes snake_case as well as camelCase field names. */
    static String camel(String name) {
        StringBuilder out = new StringBuilder();
        boolean up = false;
        for (char c : name.toCharArray()) {
            if (c == '_' && out.length() > 0) up = true;
            else {
                out.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return out.toString();
    }

    private static JsonNode field(JsonNode node, String camel) {
        return GeminiRequests.field(
                node, camel, camel.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
    }

    private static Violation invalid(String rule, String detail) {
        return Violation.badRequest("INVALID_ARGUMENT", "gemini/" + rule, detail);
    }
}
