package conform.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import conform.models.ModelListing.Source;
import conform.models.ModelListing.Status;
import conform.models.PluginModels.Gap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One plugin's models across runtimes: differences first, and what they say about the spec. */
class PluginModelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ModelRecord model(String name, Registration how, String supports) {
        try {
            return new ModelRecord(name, how, null, null, List.of(), Supports.of(JSON.readTree(supports)));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ModelListing listed(String runtime, ModelRecord... models) {
        return new ModelListing("p", runtime, Status.LISTED, Source.EMULATOR, null, List.of(models));
    }

    private static final String FULL = """
        {"multiturn":true,"tools":true,"media":true,"systemRole":true,"output":["text","json"],"constrained":"all"}\
        """;
    private static final String NO_JSON = """
        {"multiturn":true,"tools":true,"media":true,"systemRole":true,"constrained":"none"}\
        """;

    /** js lists a, b (untested) and retired's successor; python lists a differently; go has a only on call. */
    private static PluginModels sample() {
        return new PluginModels(
                "p",
                "specs/p.yaml",
                List.of(
                        listed(
                                "js",
                                model("p/a", Registration.LISTED, FULL),
                                model("p/b", Registration.LISTED, FULL),
                                model("p/retired", Registration.ON_CALL, FULL)),
                        listed(
                                "python",
                                model("p/a", Registration.LISTED, FULL.replace("\"tools\":true", "\"tools\":false"))),
                        listed("go", model("p/a", Registration.ON_CALL, NO_JSON)),
                        ModelListing.skipped("p", "rust", "no entry")),
                List.of(
                        new SuiteSummary("p/a", Set.of(Feature.TOOLS, Feature.JSON_OUTPUT, Feature.MULTITURN)),
                        new SuiteSummary("p/retired", Set.of(Feature.MULTITURN))));
    }

    @Test
    void rowsThatDifferComeFirstAndNameEachField() {
        PluginModels p = sample();
        assertEquals(List.of("js", "python", "go"), p.runtimes(), "a skipped runtime has no column");
        List<ModelRow> rows = p.rows();
        assertEquals(
                List.of("p/a", "p/b", "p/retired"),
                rows.stream().map(ModelRow::model).toList());
        ModelRow a = rows.get(0);
        assertTrue(a.presenceDiffers(), "listed in js and python, on call in go");
        assertEquals(
                List.of("constrained", "output", "tools"),
                a.fieldDifferences().stream()
                        .map(ModelRow.FieldDifference::field)
                        .toList());
        assertEquals(
                Map.of("js", true, "python", false, "go", true),
                a.fieldDifferences().get(2).values());
        assertEquals(List.of("js", "python"), a.listedIn());
        assertTrue(rows.get(1).presenceDiffers(), "b: js only");
    }

    @Test
    void sameEverywhereIsNotADifference() {
        PluginModels p = new PluginModels(
                "p",
                null,
                List.of(
                        listed("js", model("p/a", Registration.LISTED, FULL)),
                        listed("go", model("p/a", Registration.LISTED, FULL))),
                List.of());
        assertFalse(p.rows().get(0).differs());
        assertEquals(List.of(), p.differences());
    }

    @Test
    void findingsAgainstTheSpec() {
        PluginModels p = sample();
        assertEquals(List.of("p/retired"), p.stale(), "only registered on call: no runtime lists it");
        assertEquals(List.of("p/b"), p.untested());
        assertEquals(
                List.of(
                        new Gap("p/a", Feature.TOOLS, List.of("python")),
                        new Gap("p/a", Feature.JSON_OUTPUT, List.of("go"))),
                p.testedNotDeclared());
        assertEquals(
                List.of(
                        new Gap("p/a", Feature.SYSTEM_ROLE, List.of("js", "python", "go")),
                        new Gap("p/a", Feature.MEDIA_INPUT, List.of("js", "python", "go")),
                        new Gap("p/retired", Feature.TOOLS, List.of("js")),
                        new Gap("p/retired", Feature.JSON_OUTPUT, List.of("js")),
                        new Gap("p/retired", Feature.SYSTEM_ROLE, List.of("js")),
                        new Gap("p/retired", Feature.MEDIA_INPUT, List.of("js"))),
                p.declaredNotTested());
        assertTrue(
                p.describeStale("p/retired").startsWith("no runtime lists it (js register"),
                p.describeStale("p/retired"));
    }

    @Test
    void nothingIsStaleWhenNoRuntimeWasListed() {
        PluginModels p = new PluginModels(
                "p",
                "specs/p.yaml",
                List.of(ModelListing.error("p", "js", Source.PROVIDER, "runtime did not start")),
                List.of(new SuiteSummary("p/a", Set.of())));
        assertEquals(List.of(), p.stale(), "not judged: nothing was listed");
    }
}
