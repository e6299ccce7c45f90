package conform.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import java.util.List;
import java.util.Set;

/**
 * A spec as the canonical {@code genkit dev:test-model --from-file} reads it (JSON): per suite its model, its built-in
 * tests as {@code supports} tags (always written, so an empty list means none, as it does in conform) and its custom
 * tests as they are. What that format or the CLI's output cannot carry is an error naming the suite: a validator the
 * CLI does not have (one added to conform), and a test name the CLI's per-test lines cannot tell apart (a line break in
 * it, or another test's name followed by " - ", the separator of a failure's message).
 */
public final class CanonicalSpec {

    /** The validators {@code genkit dev:test-model} has (genkit-cli 1.43.0). */
    static final Set<String> CANONICAL_VALIDATORS = Set.of(
            "has-tool-request",
            "valid-json",
            "text-includes",
            "stream-text-includes",
            "stream-has-tool-request",
            "stream-valid-json",
            "text-starts-with",
            "text-not-empty",
            "valid-media",
            "reasoning");

    private static final ObjectMapper JSON = new ObjectMapper();

    private CanonicalSpec() {}

    /** The spec's suites (with the tests a selection kept) in the CLI's format. */
    public static String render(PluginSpec spec) {
        ArrayNode suites = JSON.createArrayNode();
        for (Suite suite : spec.suites()) {
            checkNames(spec, suite);
            ObjectNode out = suites.addObject().put("model", suite.model());
            ArrayNode supports = out.putArray("supports");
            ArrayNode custom = JSON.createArrayNode();
            for (TestCase test : suite.tests()) {
                if (test.builtin()) {
                    supports.add(test.capability());
                    continue;
                }
                ObjectNode t = custom.addObject().put("name", test.name());
                t.set("input", test.input());
                ArrayNode validators = t.putArray("validators");
                for (ValidatorRef ref : test.validators()) {
                    if (!CANONICAL_VALIDATORS.contains(ref.name())) {
                        throw inexpressible(
                                spec,
                                suite,
                                "its test \"" + test.name() + "\" uses `" + ref.name()
                                        + "`, a validator genkit dev:test-model does not have",
                                "run it with conform's own runner (--runner conform), or use the canonical validators: "
                                        + String.join(
                                                ", ",
                                                CANONICAL_VALIDATORS.stream()
                                                        .sorted()
                                                        .toList()));
                    }
                    validators.add(ref.toString());
                }
                t.put("stream", test.stream());
            }
            if (!custom.isEmpty()) out.set("tests", custom);
        }
        return suites.toPrettyString();
    }

    private static void checkNames(PluginSpec spec, Suite suite) {
        List<String> names = suite.tests().stream().map(TestCase::name).toList();
        for (String name : names) {
            if (name.contains("\n") || name.contains("\r"))
                throw inexpressible(
                        spec,
                        suite,
                        "the name of its test \"" + name.replace("\n", "\\n").replace("\r", "\\r")
                                + "\" has a line break, which the CLI's one-line verdicts cannot carry",
                        "give the test a name on one line");
            for (String other : names) {
                if (other.startsWith(name + " - "))
                    throw inexpressible(
                            spec,
                            suite,
                            "its tests \"" + name + "\" and \"" + other
                                    + "\" cannot be told apart in the CLI's failure lines (\"❌ Failed: NAME -"
                                    + " MESSAGE\")",
                            "rename one of them");
            }
        }
    }

    private static ConformException inexpressible(PluginSpec spec, Suite suite, String what, String hint) {
        return new ConformException(Diagnostic.error(
                        "E0207",
                        "the suite for `" + suite.model() + "` in the spec of `" + spec.plugin()
                                + "` cannot run under genkit dev:test-model: " + what)
                .at(suite.location())
                .hint(hint));
    }
}
