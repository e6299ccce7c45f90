package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Values built from JSON schemas, tool-call arguments and structured answers, that validate against the schema as
 * real ones do: {@code $ref} into {@code $defs}/{@code definitions}, {@code anyOf}/{@code oneOf} (a nullable field's
 * non-null branch), {@code allOf}, {@code const} and {@code enum}, arrays within {@code minItems}/{@code maxItems},
 * numbers within their bounds and {@code multipleOf}, strings of their {@code format}, {@code pattern} and length.
 */
final class Schemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Far deeper than any real schema; a recursive one ($ref to itself) stops here with its empty form. */
    private static final int MAX_DEPTH = 16;

    private final JsonNode root;
    private final UnaryOperator<String> strings;

    private Schemas(JsonNode root, UnaryOperator<String> strings) {
        this.root = root;
        this.strings = strings;
    }

    /** Arguments for a tool: every required property, strings from {@code strings} by property name. */
    static ObjectNode argumentsFor(JsonNode schema, UnaryOperator<String> strings) {
        ObjectNode args = Wire.JSON.createObjectNode();
        if (schema == null || !schema.isObject()) return args;
        Schemas values = new Schemas(schema, strings);
        JsonNode resolved = values.resolve(schema);
        JsonNode props = resolved.path("properties");
        for (JsonNode required : resolved.path("required")) {
            String name = required.asText();
            args.set(name, values.value(props.path(name), name, 0));
        }
        return args;
    }

    /** An instance of {@code schema} (every property; a "name" is the prompt's subject), or a plain object. */
    static JsonNode instanceOf(JsonNode schema, String subject) {
        if (schema == null || schema.isMissingNode() || schema.isNull()) return ReferenceModel.plainJson(subject);
        Schemas values = new Schemas(
                schema, property -> property.equalsIgnoreCase("name") || property.isEmpty() ? subject : "Genkit");
        return values.value(schema, "", 0);
    }

    private JsonNode value(JsonNode schema, String name, int depth) {
        schema = DescribedConstraints.applied(resolve(schema));
        if (schema.has("const")) return schema.get("const");
        if (schema.has("enum") && !schema.get("enum").isEmpty())
            return schema.get("enum").get(0);
        for (String choice : List.of("anyOf", "oneOf")) {
            if (schema.path(choice).isArray() && !schema.path(choice).isEmpty())
                return value(nonNull(schema.path(choice)), name, depth + 1);
        }
        if (schema.path("allOf").isArray() && !schema.path("allOf").isEmpty())
            return value(merged(schema), name, depth + 1);
        return switch (type(schema)) {
            case "object" -> object(schema, depth);
            case "array" -> array(schema, name, depth);
            case "integer" -> NODES.numberNode(number(schema, name, true).longValue());
            case "number" -> NODES.numberNode(number(schema, name, false));
            case "boolean" -> NODES.booleanNode(true);
            case "null" -> NODES.nullNode();
            default -> NODES.textNode(Strings.forSchema(schema, strings.apply(name)));
        };
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode object = Wire.JSON.createObjectNode();
        if (depth >= MAX_DEPTH) return object;
        schema.path("properties")
                .properties()
                .forEach(e -> object.set(e.getKey(), value(e.getValue(), e.getKey(), depth + 1)));
        return object;
    }

    private ArrayNode array(JsonNode schema, String name, int depth) {
        ArrayNode array = Wire.JSON.createArrayNode();
        int count = Math.max(1, schema.path("minItems").asInt(1));
        if (schema.has("maxItems"))
            count = Math.min(count, schema.path("maxItems").asInt());
        if (depth >= MAX_DEPTH) count = schema.path("minItems").asInt(0);
        JsonNode items = schema.path("items");
        for (int i = 0; i < count; i++) {
            JsonNode item = schema.path("prefixItems").has(i)
                    ? schema.path("prefixItems").get(i)
                    : items;
            array.add(value(item, name, depth + 1));
        }
        return array;
    }

    /** 42 (a rating 4.5, or 5 as an integer), moved inside minimum/maximum and onto multipleOf. */
    private static BigDecimal number(JsonNode schema, String name, boolean integer) {
        boolean rating = name.toLowerCase(Locale.ROOT).contains("rating");
        BigDecimal value = BigDecimal.valueOf(rating ? (integer ? 5 : 4.5) : 42);
        BigDecimal step = schema.has("multipleOf") ? schema.get("multipleOf").decimalValue() : BigDecimal.ONE;
        if (schema.has("maximum") && value.compareTo(schema.get("maximum").decimalValue()) > 0)
            value = schema.get("maximum").decimalValue();
        if (schema.has("exclusiveMaximum")
                && value.compareTo(schema.get("exclusiveMaximum").decimalValue()) >= 0)
            value = schema.get("exclusiveMaximum").decimalValue().subtract(step);
        if (schema.has("minimum") && value.compareTo(schema.get("minimum").decimalValue()) < 0)
            value = schema.get("minimum").decimalValue();
        if (schema.has("exclusiveMinimum")
                && value.compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0)
            value = schema.get("exclusiveMinimum").decimalValue().add(step);
        if (schema.has("multipleOf") && step.signum() > 0) {
            BigDecimal multiple =
                    value.divide(step, 0, java.math.RoundingMode.CEILING).multiply(step);
            BigDecimal max = schema.has("maximum") ? schema.get("maximum").decimalValue() : null;
            value = max != null && multiple.compareTo(max) > 0 ? multiple.subtract(step) : multiple;
        }
        return integer ? value.setScale(0, java.math.RoundingMode.CEILING) : value;
    }

    /** A {@code $ref} ("#/$defs/Name", "#/definitions/Name", any JSON pointer into the root) followed. */
    private JsonNode resolve(JsonNode schema) {
        for (int hops = 0; schema.has("$ref") && hops < MAX_DEPTH; hops++) {
            String ref = schema.get("$ref").asText();
            JsonNode target = ref.startsWith("#") ? root.at(ref.substring(1)) : null;
            if (target == null || target.isMissingNode()) return Wire.JSON.createObjectNode();
            schema = target;
        }
        return schema;
    }

    /** The first branch that is not {@code {"type": "null"}}: a nullable field gets its value. */
    private static JsonNode nonNull(JsonNode branches) {
        for (JsonNode branch : branches) if (!"null".equals(branch.path("type").asText())) return branch;
        return branches.get(0);
    }

    /** allOf's branches as one schema: their properties and requirements together, the rest from the first. */
    private JsonNode merged(JsonNode schema) {
        ObjectNode out = Wire.JSON.createObjectNode();
        ObjectNode properties = Wire.JSON.createObjectNode();
        for (JsonNode branch : schema.path("allOf")) {
            JsonNode b = resolve(branch);
            b.properties().forEach(e -> {
                if (!out.has(e.getKey())) out.set(e.getKey(), e.getValue());
            });
            b.path("properties").properties().forEach(e -> properties.set(e.getKey(), e.getValue()));
        }
        if (!properties.isEmpty()) out.set("properties", properties);
        schema.properties().forEach(e -> {
            if (!e.getKey().equals("allOf")) out.set(e.getKey(), e.getValue());
        });
        return out;
    }

    /** The schema's type; a list of types takes the first that is not "null"; no type with properties is an object. */
    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type)
                if (!"null".equals(t.asText())) return t.asText().toLowerCase(Locale.ROOT);
        }
        if (type.isTextual()) return type.asText().toLowerCase(Locale.ROOT);
        if (schema.has("properties")) return "object";
        return schema.has("items") ? "array" : "string";
    }
}
