package conform.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a model declares it supports ({@code metadata.model.supports}), normalised so the three runtimes compare
 * equal when they mean the same: JS leaves out what is unset, Python 0.12 leaves out nulls, Go writes every field
 * with its zero value. A flag that is absent or null is false, a list that is absent or null is empty (and sorted),
 * {@code constrained} that is absent, null or empty is "none"; any other field is kept as it is.
 *
 * @param fields field name → Boolean, String or sorted List of String, in name order
 */
public record Supports(SortedMap<String, Object> fields) {

    static final Set<String> FLAGS =
            Set.of("multiturn", "media", "tools", "systemRole", "toolChoice", "context", "longRunning");
    static final Set<String> LISTS = Set.of("output", "contentType");
    static final String CONSTRAINED = "constrained";

    public Supports {
        fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
    }

    /** From a {@code supports} object as a runtime lists it (missing or null: nothing declared). */
    public static Supports of(JsonNode supports) {
        SortedMap<String, Object> fields = new TreeMap<>();
        FLAGS.forEach(f -> fields.put(f, false));
        LISTS.forEach(f -> fields.put(f, List.of()));
        fields.put(CONSTRAINED, "none");
        if (supports != null && supports.isObject()) {
            supports.fields().forEachRemaining(e -> {
                Object value = normalise(e.getKey(), e.getValue());
                if (value != null) fields.put(e.getKey(), value);
            });
        }
        return new Supports(fields);
    }

    private static Object normalise(String field, JsonNode value) {
        if (value == null || value.isNull()) return null;
        if (FLAGS.contains(field)) return value.asBoolean(false);
        if (field.equals(CONSTRAINED)) return value.asText().isEmpty() ? null : value.asText();
        if (value.isArray()) {
            Set<String> items = new TreeSet<>();
            value.forEach(v -> items.add(v.asText()));
            return List.copyOf(items);
        }
        if (value.isBoolean()) return value.booleanValue();
        return value.isValueNode() ? value.asText() : value.toString();
    }

    public boolean flag(String field) {
        return Boolean.TRUE.equals(fields.get(field));
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String field) {
        return fields.get(field) instanceof List<?> l ? (List<String>) l : List.of();
    }

    public String constrained() {
        return String.valueOf(fields.getOrDefault(CONSTRAINED, "none"));
    }

    /** The fields whose values differ between the two, in name order (a field only one declares differs too). */
    public List<String> differingFields(Supports other) {
        Set<String> names = new TreeSet<>(fields.keySet());
        names.addAll(other.fields.keySet());
        List<String> out = new ArrayList<>();
        for (String name : names)
            if (!java.util.Objects.equals(fields.get(name), other.fields.get(name))) out.add(name);
        return out;
    }

    /** A field's value as people read it: true/false, the list joined with ", " (— when empty), or the text. */
    public String display(String field) {
        return display(fields.get(field));
    }

    public static String display(Object value) {
        if (value == null) return "—";
        if (value instanceof List<?> l)
            return l.isEmpty()
                    ? "—"
                    : String.join(", ", l.stream().map(String::valueOf).toList());
        return String.valueOf(value);
    }

    /** The declared fields as plain values, for the JSON file. */
    public Map<String, Object> asMap() {
        return fields;
    }
}
