package conform.models;

import com.fasterxml.jackson.databind.JsonNode;
import conform.spec.Suite;
import conform.spec.TestCase;
import conform.spec.ValidatorRef;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A capability both sides speak of: a model's metadata declares it ({@code supports}), and a test exercises it by
 * what its request carries (tools, a JSON output format, history, a system message, media) or what its validators
 * expect (media output). Comparing the two finds what a suite leaves untested and what it sends a model that says
 * it cannot take it.
 */
public enum Feature {
    TOOLS("tools", "supports.tools"),
    JSON_OUTPUT("JSON output", "supports.output has json, or supports.constrained"),
    MULTITURN("multiturn", "supports.multiturn"),
    SYSTEM_ROLE("system role", "supports.systemRole"),
    MEDIA_INPUT("media input", "supports.media"),
    MEDIA_OUTPUT("media output", "supports.output has media");

    /** Output formats that mean JSON: Genkit's own, and the OpenAI-style ones the Python openai plugin lists. */
    private static final Set<String> JSON_FORMATS = Set.of("json", "json_mode", "structured_outputs");

    private final String label;
    private final String declaration;

    Feature(String label, String declaration) {
        this.label = label;
        this.declaration = declaration;
    }

    public String label() {
        return label;
    }

    /** Which metadata declares it, for messages. */
    public String declaration() {
        return declaration;
    }

    public boolean declaredBy(Supports s) {
        return switch (this) {
            case TOOLS -> s.flag("tools");
            case JSON_OUTPUT ->
                s.list("output").stream().anyMatch(JSON_FORMATS::contains)
                        || List.of("all", "no-tools").contains(s.constrained());
            case MULTITURN -> s.flag("multiturn");
            case SYSTEM_ROLE -> s.flag("systemRole");
            case MEDIA_INPUT -> s.flag("media");
            case MEDIA_OUTPUT -> s.list("output").contains("media");
        };
    }

    /** The features a suite's tests exercise. */
    public static Set<Feature> exercisedBy(Suite suite) {
        Set<Feature> out = EnumSet.noneOf(Feature.class);
        for (TestCase test : suite.tests()) for (Feature f : values()) if (f.exercisedBy(test)) out.add(f);
        return out;
    }

    boolean exercisedBy(TestCase test) {
        JsonNode input = test.input();
        JsonNode messages = input.path("messages");
        return switch (this) {
            case TOOLS -> !input.path("tools").isEmpty();
            case JSON_OUTPUT ->
                input.path("output").path("format").asText("").equals("json")
                        || input.path("output").has("schema")
                        || validates(test, "valid-json", "stream-valid-json");
            case MULTITURN -> hasRole(messages, "model");
            case SYSTEM_ROLE -> hasRole(messages, "system");
            case MEDIA_INPUT -> hasMediaPart(messages);
            case MEDIA_OUTPUT -> validates(test, "valid-media");
        };
    }

    private static boolean validates(TestCase test, String... names) {
        List<String> wanted = List.of(names);
        return test.validators().stream().map(ValidatorRef::name).anyMatch(wanted::contains);
    }

    private static boolean hasRole(JsonNode messages, String role) {
        for (JsonNode m : messages) if (role.equals(m.path("role").asText())) return true;
        return false;
    }

    private static boolean hasMediaPart(JsonNode messages) {
        for (JsonNode m : messages) for (JsonNode part : m.path("content")) if (part.has("media")) return true;
        return false;
    }
}
