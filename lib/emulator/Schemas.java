package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/** Values built from JSON schemas: tool-call arguments and structured answers. */
final class Schemas {

    private Schemas() {}

    /** Arguments for a tool: every required property, with a plausible value for its type. */
    static ObjectNode argumentsFor(JsonNode schema) {
        ObjectNode args = Wire.JSON.createObjectNode();
        JsonNode props = schema == null ? null : schema.path("properties");
        if (schema == null) return args;
        for (JsonNode required : schema.path("required")) {
            String name = required.asText();
            args.set(name, valueFor(props.path(name), name, "New York"));
        }
        return args;
    }

    /** An instance of {@code schema} (every property), or a plain object when there is none. */
    static JsonNode instanceOf(JsonNode schema, String subject) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) return ReferenceModel.plainJson(subject);
        return valueFor(schema, "", subject);
    }

    private static JsonNode valueFor(JsonNode schema, String name, String subject) {
        if (schema.has("enum") && schema.get("enum").size() > 0) return schema.get("enum").get(0);
        String type = type(schema);
        return switch (type) {
            case "object" -> {
                ObjectNode object = Wire.JSON.createObjectNode();
                schema.path("properties").properties().forEach(e -> object.set(e.getKey(), valueFor(e.getValue(), e.getKey(), subject)));
                yield object;
            }
            case "array" -> {
                ArrayNode array = Wire.JSON.createArrayNode();
                array.add(valueFor(schema.path("items"), name, subject));
                yield array;
            }
            case "integer" -> Wire.JSON.getNodeFactory().numberNode(name.toLowerCase(Locale.ROOT).contains("rating") ? 5 : 42);
            case "number" -> Wire.JSON.getNodeFactory().numberNode(name.toLowerCase(Locale.ROOT).contains("rating") ? 4.5 : 42);
            case "boolean" -> Wire.JSON.getNodeFactory().booleanNode(true);
            case "null" -> Wire.JSON.getNodeFactory().nullNode();
            default -> Wire.JSON.getNodeFactory().textNode(name.equalsIgnoreCase("name") || name.isEmpty() ? subject : "Genkit");
        };
    }

    /** The schema's type; a list of types takes the first that is not "null"; no type with properties is an object. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) if (!"null".equals(t.asText())) return t.asText().toLowerCase(Locale.ROOT);
        }
        if (type.isTextual()) return type.asText().toLowerCase(Locale.ROOT);
        return schema.has("properties") ? "object" : "string";
    }
}
