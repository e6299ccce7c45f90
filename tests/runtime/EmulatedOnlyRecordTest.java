package conform.runtime;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ExitCode;
import conform.support.CliRun;
import conform.support.Fixtures;
import conform.support.RealRuntimes;
import conform.support.RepoRoot;
import conform.support.TempProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A record of a failure only an offline run has does not hold against a real provider: the failure shows. */
@ExtendWith(RealRuntimes.class)
class EmulatedOnlyRecordTest {

    @RegisterExtension
    private final TempProject work = TempProject.create();

    @Test
    void withoutTheEmulatorTheRecordDoesNotHold() {
        String record = """
            [[conform.known-failures]]
            plugin = "echo"
            test = "Wrong word"
            error = "text-includes:banana*"
            emulated-only = true
            reason = "an offline-only failure"
            """;
        CliRun r = CliRun.withProcessEnvironment(
                        RepoRoot.find(),
                        "check-model",
                        "--config",
                        Fixtures.config(work, record, "js").toString(),
                        "--specs-dir",
                        Fixtures.scenario("failing").toString(),
                        "--test",
                        "Wrong word",
                        "--report-dir",
                        work.path("r").toString(),
                        "--no-color")
                .expect(ExitCode.FAILED);
        assertTrue(r.err().contains("Wrong word  failed"), r.toString());
        assertFalse(r.err().contains("known failure"), r.toString());
    }
}
