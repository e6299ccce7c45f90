package conform.cli;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ExitCode;
import conform.support.CliRun;
import conform.support.TempProject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Local sources on the command line and in conform.toml, as `list` and the dry run show them, and their errors. */
class LocalSourceCliTest {

    private static final String PACKAGE = "{\"name\": \"@genkit-ai/echo\", \"main\": \"index.js\"}";

    @RegisterExtension
    private final TempProject project =
            TempProject.standard().write("work/echo/package.json", PACKAGE).write("work/echo/index.js", "");

    private CliRun run(String... args) {
        return CliRun.run(project.path("work"), Map.of(), args);
    }

    @Test
    void listAndTheDryRunShowTheSourcesInEffectAndTheOverlayCommand() {
        String shown = "js: @genkit-ai/echo from " + project.path("work/echo") + " (not a git checkout)";
        run("list", "--source", "js:@genkit-ai/echo=echo", "--no-color")
                .expect(ExitCode.OK)
                .expectOut("Local sources (instead of the published packages)", shown);
        CliRun dry = run("check-model", "--dry-run", "--runtime", "js", "--source", "js:@genkit-ai/echo=echo")
                .expect(ExitCode.OK)
                .expectOut(shown, "node .conform/sources/");
        assertFalse(dry.out().contains("node .conform/build/echo.mjs"), dry.out());
        CliRun published = run("list", "--no-color").expect(ExitCode.OK);
        assertFalse(published.out().contains("Local sources"), published.out());
    }

    @Test
    void conformTomlsSourcesAreRelativeToItAndNoSourcesDropsThem() {
        project.write("conform.toml", TempProject.MINIMAL_CONFIG + """
            [conform.runtimes.js.sources]
            "@genkit-ai/echo" = "work/echo"
            """);
        run("list", "--no-color")
                .expect(ExitCode.OK)
                .expectOut("js: @genkit-ai/echo from " + project.path("work/echo"));
        CliRun dropped = run("list", "--no-sources", "--no-color").expect(ExitCode.OK);
        assertFalse(dropped.out().contains("Local sources"), dropped.out());
    }

    @Test
    void aSourceThatIsNotThePackageNamedIsAnErrorAtItsLine() {
        project.write("conform.toml", TempProject.MINIMAL_CONFIG + """
            [conform.runtimes.js.sources]
            "@genkit-ai/anthropic" = "work/echo"
            """);
        run("list")
                .expect(ExitCode.USAGE)
                .expectErr(
                        "conform.toml:7",
                        "is the package `@genkit-ai/echo`, not `@genkit-ai/anthropic`",
                        "point the source at the folder of @genkit-ai/anthropic");
        run("list", "--source", "js:@genkit-ai/anthropic=nowhere", "--no-sources")
                .expect(ExitCode.USAGE)
                .expectErr(
                        "`--source js:@genkit-ai/anthropic=nowhere`", project.path("work/nowhere") + " does not exist");
    }
}
