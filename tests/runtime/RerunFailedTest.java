package conform.runtime;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ExitCode;
import conform.support.Fixtures;
import conform.support.RealRuntimes;
import conform.support.TempProject;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** --rerun-failed into the directory it read merges the rerun's verdicts instead of replacing the full results. */
@ExtendWith(RealRuntimes.class)
class RerunFailedTest {

    @RegisterExtension
    private final TempProject reports = TempProject.create();

    @Test
    void aRerunInPlaceKeepsWhatItDidNotRerun() {
        Fixtures.Outcome first = Fixtures.checkModel("failing", "python", reports.root());
        first.cli().expect(ExitCode.FAILED);
        Map<String, String> before = new TreeMap<>(first.statuses());
        assertTrue(before.containsValue("passed") && before.containsValue("failed"), before.toString());

        String source = reports.path("results.json").toString();
        Fixtures.Outcome rerun = Fixtures.checkModel("failing", "python", reports.root(), "--rerun-failed", source);
        rerun.cli().expect(ExitCode.FAILED).expectErr("merging the", "rerun verdict(s) into " + source);
        assertEquals(before, new TreeMap<>(rerun.statuses()), "every test is still there, the passed ones untouched");
        assertEquals(
                rerun.results().get("tests").asInt(),
                first.results().get("tests").asInt());
        int attemptsBefore = first.result("Wrong word").get("attempts").asInt();
        assertEquals(
                attemptsBefore,
                rerun.result("Wrong word").get("attempts").asInt(),
                "the rerun's own verdict, one attempt");
        assertTrue(rerun.results()
                        .get("started_at")
                        .asText()
                        .compareTo(first.results().get("started_at").asText())
                > 0);
    }
}
