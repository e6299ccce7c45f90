package conform.spec;

import com.fasterxml.jackson.databind.JsonNode;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.Suggest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads {@code specs/<plugin>.yaml}: a list of suites {@code {model, supports, tests}} (a single mapping is one
 * suite). A suite with neither {@code supports} nor {@code tests} gets the default capabilities; an explicit empty
 * list means none. Anything malformed, an unknown capability included, is an error at file:line:column.
 */
public final class SpecLoader {

    static final Set<String> SUITE_KEYS = Set.of("model", "supports", "tests");
    private final BuiltinTests builtins;
    private final TestParser tests;

    public SpecLoader(BuiltinTests builtins, ValidatorCatalog validators) {
        this.builtins = builtins;
        this.tests = new TestParser(validators);
    }

    public PluginSpec load(String plugin, Path file) {
        SpecContext ctx = new SpecContext(SourceTree.parse(file));
        JsonNode root = ctx.tree.root();
        List<Suite> suites = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) suites.add(suite(ctx, root.get(i), "/" + i));
        } else if (root.isObject()) {
            suites.add(suite(ctx, root, ""));
        } else {
            throw ctx.error(
                    "",
                    "a spec must be a list of suites ({model, supports, tests}) or one suite, got "
                            + SpecContext.kind(root),
                    "start the file with `- model: <provider>/<model>`");
        }
        rejectDuplicateModels(ctx, suites);
        PluginSpec spec = new PluginSpec(plugin, file, List.copyOf(suites), List.copyOf(ctx.warnings));
        // A run of a spec without tests would pass having tested nothing.
        if (spec.testCount() == 0) {
            throw ctx.error(
                    "",
                    "the spec of `" + plugin + "` selects no tests"
                            + (suites.isEmpty() ? ": it has no suites" : ": every suite is empty"),
                    "give a suite `supports` (the capabilities it has) or `tests`; a suite with neither gets the"
                            + " default nine");
        }
        return spec;
    }

    private Suite suite(SpecContext ctx, JsonNode node, String pointer) {
        ctx.object(node, pointer, "a suite");
        ctx.checkKeys(node, pointer, "a suite", SUITE_KEYS);
        if (!node.has("model"))
            throw ctx.error(
                    pointer, "suite has no `model`", "name the model action, e.g. `model: googleai/gemini-2.5-flash`");
        String model = ctx.text(node.get("model"), pointer + "/model", "`model`");
        List<TestCase> cases = new ArrayList<>();
        List<String> capabilities =
                node.has("supports") || node.has("tests") ? List.of() : BuiltinTests.DEFAULT_CAPABILITIES;
        if (node.has("supports")) capabilities = supports(ctx, node.get("supports"), pointer + "/supports");
        for (String tag : capabilities) builtins.forCapability(tag).ifPresent(cases::add);
        if (node.has("tests")) {
            JsonNode custom = ctx.array(node.get("tests"), pointer + "/tests", "`tests`");
            for (int i = 0; i < custom.size(); i++)
                cases.add(tests.parse(ctx, custom.get(i), pointer + "/tests/" + i, "Custom test " + (i + 1)));
        }
        rejectDuplicateNames(ctx, cases, pointer);
        if (cases.isEmpty()) ctx.warn(pointer, "W0202", "the suite for `" + model + "` has no tests");
        return new Suite(model, List.copyOf(cases), ctx.tree.location(pointer));
    }

    private List<String> supports(SpecContext ctx, JsonNode list, String pointer) {
        ctx.array(list, pointer, "`supports`");
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String tag = ctx.text(list.get(i), pointer + "/" + i, "a capability");
            if (builtins.forCapability(tag).isEmpty()) {
                // A typo would silently drop a test, and a run would pass without it.
                throw ctx.error(
                        pointer + "/" + i,
                        "unknown capability `" + tag + "`" + Suggest.didYouMean(tag, builtins.capabilities()),
                        "known capabilities: " + String.join(", ", builtins.capabilities())
                                + " (`conform list --capabilities`)");
            } else if (!tags.add(tag)) {
                ctx.warn(pointer + "/" + i, "W0203", "capability `" + tag + "` is listed twice; it runs once");
            }
        }
        return List.copyOf(tags);
    }

    private static void rejectDuplicateNames(SpecContext ctx, List<TestCase> cases, String pointer) {
        Set<String> seen = new HashSet<>();
        for (TestCase test : cases) {
            if (!seen.add(test.name())) {
                throw new ConformException(
                        Diagnostic.error("E0203", "two tests are named \"" + test.name() + "\" in one suite")
                                .at(test.builtin() ? ctx.tree.location(pointer) : test.location())
                                .hint("give each test a unique `name`: results and reruns refer to tests by name"));
            }
        }
    }

    private static void rejectDuplicateModels(SpecContext ctx, List<Suite> suites) {
        Map<String, Suite> first = new HashMap<>();
        for (Suite suite : suites) {
            Suite earlier = first.putIfAbsent(suite.model(), suite);
            if (earlier != null) {
                throw new ConformException(Diagnostic.error("E0203", "model `" + suite.model() + "` has two suites")
                        .at(suite.location())
                        .note("the first is at " + earlier.location())
                        .hint("merge them into one suite"));
            }
        }
    }
}
