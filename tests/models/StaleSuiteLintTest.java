package conform.models;

import static org.junit.jupiter.api.Assertions.assertFalse;

import conform.diag.ExitCode;
import conform.support.CliRun;
import conform.support.Fixtures;
import conform.support.RealRuntimes;
import conform.support.RepoRoot;
import conform.support.TempProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `check-plugin --models`: a suite whose model no runtime lists any more is a lint failure. */
@ExtendWith(RealRuntimes.class)
class StaleSuiteLintTest {

    @RegisterExtension
    private final TempProject work = TempProject.create();

    private CliRun checkPlugin(String spec, String... more) {
        work.write("specs/echo.yaml", spec);
        String[] args = new String[3 + more.length];
        args[0] = "check-plugin";
        args[1] = "--config";
        args[2] = Fixtures.config(work, "", "python", "go").toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return CliRun.withProcessEnvironment(RepoRoot.find(), args);
    }

    @Test
    void suitesOfListedModelsPass() {
        checkPlugin("- model: conformtest/echo\n", "--models", "--no-color")
                .expect(ExitCode.OK)
                .expectOut("every suite's model is listed by a runtime");
    }

    @Test
    void aRetiredModelFailsTheLint() {
        CliRun r = checkPlugin("- model: conformtest/echo\n- model: conformtest/retired\n", "--models", "--no-color")
                .expect(ExitCode.FAILED)
                .expectOut("STALE    echo: suite conformtest/retired in specs/echo.yaml: no runtime lists it");
        assertFalse(r.out().contains("suite conformtest/echo "), r.toString());
        // Without --models the lint does not start any runtime, and so does not see it.
        checkPlugin("- model: conformtest/echo\n- model: conformtest/retired\n").expect(ExitCode.OK);
    }

    @Test
    void emulateNeedsModels() {
        checkPlugin("- model: conformtest/echo\n", "--emulate")
                .expect(ExitCode.USAGE)
                .expectErr("--emulate needs --models here");
    }
}
