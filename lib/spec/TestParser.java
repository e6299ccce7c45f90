package conform.spec;

import com.fasterxml.jackson.databind.JsonNode;
import conform.diag.Suggest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads one test mapping ({@code name}, {@code input}, {@code validators}, {@code stream}); shared by specs and built-ins. */
final class TestParser {

    static final Set<String> TEST_KEYS = Set.of("name", "input", "validators", "stream");
    private final ValidatorCatalog validators;

    TestParser(ValidatorCatalog validators) {
        this.validators = validators;
    }

    TestCase parse(SpecContext ctx, JsonNode node, String pointer, String defaultName) {
        ctx.object(node, pointer, "a test");
        ctx.checkKeys(node, pointer, "a test", TEST_KEYS);
        String name = node.has("name") ? ctx.text(node.get("name"), pointer + "/name", "a test's `name`") : defaultName;
        if (!node.has("input")) {
            throw ctx.error(
                    pointer,
                    "test \"" + name + "\" has no `input`",
                    "give it an `input:` with at least `messages:` (a GenerateRequest)");
        }
        RequestShape.check(ctx, node.get("input"), pointer + "/input");
        boolean stream = false;
        if (node.has("stream")) {
            JsonNode flag = node.get("stream");
            if (!flag.isBoolean())
                throw ctx.error(pointer + "/stream", "`stream` must be true or false, got " + SpecContext.kind(flag));
            stream = flag.asBoolean();
        }
        return new TestCase(
                name,
                null,
                stream,
                node.get("input"),
                validators(ctx, node.get("validators"), pointer + "/validators"),
                ctx.tree.location(pointer));
    }

    private List<ValidatorRef> validators(SpecContext ctx, JsonNode list, String pointer) {
        List<ValidatorRef> refs = new ArrayList<>();
        if (list == null) return refs;
        ctx.array(list, pointer, "`validators`");
        for (int i = 0; i < list.size(); i++) {
            String at = pointer + "/" + i;
            ValidatorRef ref = ValidatorRef.parse(ctx.text(list.get(i), at, "a validator"));
            if (!validators.names().contains(ref.name())) {
                throw ctx.error(
                        at,
                        "unknown validator `" + ref.name() + "`" + Suggest.didYouMean(ref.name(), validators.names()),
                        "known validators: " + String.join(", ", SpecContext.sorted(validators.names())));
            }
            // A misspelt or stray argument would be ignored, or quietly change what the test checks.
            String problem = validators.argumentProblem(ref.name(), ref.arg()).orElse(null);
            if (problem != null) throw ctx.error(at, problem, validators.takes(ref.name()));
            refs.add(ref);
        }
        return refs;
    }
}
