package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Values built from JSON schemas: tool-call arguments and structured answers. */
final class Schemas {

    private Schemas() {}

    /** Arguments for a tool: every required property, strings naming the place the conformance cases ask about. */
    static ObjectNode argumentsFor(JsonNode schema) {
        ObjectNode args = Wire.JSON.createObjectNode();
        if (schema == null) return args;
        JsonNode props = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            String name = required.asText();
            args.set(name, valueFor(props.path(name), name, property -> "New York"));
        }
        return args;
    }

    /** An instance of {@code schema} (every property; a "name" is the prompt's subject), or a plain object. */
    static JsonNode instanceOf(JsonNode schema, String subject) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) return ReferenceModel.plainJson(subject);
        return valueFor(
                schema, "", property -> property.equalsIgnoreCase("name") || property.isEmpty() ? subject : "Genkit");
    }

    private static JsonNode valueFor(JsonNode schema, String name, UnaryOperator<String> strings) {
        if (schema.has("enum") && schema.get("enum").size() > 0)
            return schema.get("enum").get(0);
        String type = type(schema);
        return switch (type) {
            case "object" -> {
                ObjectNode object = Wire.JSON.createObjectNode();
                schema.path("properties")
                        .properties()
                        .forEach(e -> object.set(e.getKey(), valueFor(e.getValue(), e.getKey(), strings)));
                yield object;
            }
            case "array" -> {
                ArrayNode array = Wire.JSON.createArrayNode();
                array.add(valueFor(schema.path("items"), name, strings));
                yield array;
            }
            case "integer" ->
                Wire.JSON
                        .getNodeFactory()
                        .numberNode(name.toLowerCase(Locale.ROOT).contains("rating") ? 5 : 42);
            case "number" ->
                Wire.JSON
                        .getNodeFactory()
                        .numberNode(name.toLowerCase(Locale.ROOT).contains("rating") ? 4.5 : 42);
            case "boolean" -> Wire.JSON.getNodeFactory().booleanNode(true);
            case "null" -> Wire.JSON.getNodeFactory().nullNode();
            default -> Wire.JSON.getNodeFactory().textNode(strings.apply(name));
        };
    }

    /** The schema's type; a list of types takes the first that is not "null"; no type with properties is an object. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type)
                if (!"null".equals(t.asText())) return t.asText().toLowerCase(Locale.ROOT);
        }
        if (type.isTextual()) return type.asText().toLowerCase(Locale.ROOT);
        return schema.has("properties") ? "object" : "string";
    }
}
