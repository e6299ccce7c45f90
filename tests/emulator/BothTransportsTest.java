package conform.emulator;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import conform.diag.ExitCode;
import conform.support.Fixtures;
import conform.support.RealRuntimes;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reflection v1 and v2 are two roads to the same verdicts: the shipped plugins, JS and Python, under --emulate. */
@ExtendWith(RealRuntimes.class)
class BothTransportsTest {

    @RegisterExtension
    private final TempProject work = TempProject.create();

    @Test
    void theEmulatedMatrixOfJsAndPythonGivesTheSameVerdictsOverV1AndV2() {
        Map<String, String> v1 = verdicts("v1");
        Map<String, String> v2 = verdicts("v2");
        assertTrue(v1.size() > 100, "the whole matrix ran: " + v1.size() + " tests");
        assertEquals(v1, v2);
    }

    /** plugin, runtime, model, test → status, from a run over {@code transport}, which every run must have used. */
    private Map<String, String> verdicts(String transport) {
        Fixtures.Outcome o = Fixtures.checkModel(
                RepoRoot.find(),
                RepoRoot.find().resolve("conform.toml"),
                work.path(transport),
                "--emulate",
                "--runtime",
                "js,python",
                "--transport",
                transport);
        o.cli().expect(ExitCode.OK);
        Map<String, String> out = new TreeMap<>();
        for (JsonNode run : o.results().get("runs"))
            if (!run.get("status").asText().equals("skipped"))
                assertEquals(transport, run.get("transport").asText(), run.toString());
        for (JsonNode t : o.results().get("results"))
            out.put(
                    String.join(
                            " · ",
                            t.get("plugin").asText(),
                            t.get("runtime").asText(),
                            t.get("model").asText(),
                            t.get("test").asText()),
                    t.get("status").asText());
        return out;
    }
}
