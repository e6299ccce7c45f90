package conform.spec;

import static org.junit.jupiter.api.Assertions.*;

import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.ExitCode;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A spec is bounded in size, depth and alias expansion, so that a broken or hostile file fails fast and clearly. */
class SpecLimitsTest {

    @RegisterExtension
    private final TempProject project = TempProject.create();

    private Diagnostic fails(String name, String text) {
        project.write(name, text);
        ConformException e = assertThrows(
                ConformException.class,
                () -> assertTimeoutPreemptively(Duration.ofSeconds(10), () -> SourceTree.parse(project.path(name))));
        assertEquals(ExitCode.USAGE, e.exitCode());
        return e.diagnostic();
    }

    @Test
    void anAliasBombStopsAtTheValueLimit() throws Exception {
        Diagnostic d =
                fails("s.yaml", Files.readString(RepoRoot.find().resolve("tests/fixtures/hostile/alias-bomb.yaml")));
        assertEquals("the spec grows beyond 100000 values once its YAML aliases are expanded", d.message());
        assertTrue(d.location().line() >= 9, d.location().toString());
    }

    @Test
    void aliasesOfALongStringStopAtTheTextLimit() {
        String mib = "x".repeat(1024 * 1024);
        String aliases = "[" + "*s, ".repeat(70) + "*s]";
        Diagnostic d = fails("s.yaml", "a: &s [" + mib + "]\nb: " + aliases + "\n");
        assertEquals("the spec's text grows beyond 64 MiB once its YAML aliases are expanded", d.message());
        assertEquals(2, d.location().line());
    }

    @Test
    void nestingIsBoundedWithTheLine() {
        Diagnostic d = fails("s.yaml", "a: 1\nb: " + "[".repeat(101) + "]".repeat(101) + "\n");
        assertEquals("the spec nests mappings and lists more than 100 levels deep", d.message());
        assertEquals(2, d.location().line());
    }

    @Test
    void nestingIsBoundedInJsonToo() {
        Diagnostic d = fails("s.json", "[".repeat(150) + "]".repeat(150));
        assertEquals("the spec nests mappings and lists more than 100 levels deep", d.message());
    }

    @Test
    void aFileAboveSixteenMebibytesIsRefusedBeforeParsing() {
        Diagnostic d = fails("s.yaml", "a: " + "x".repeat(16 * 1024 * 1024) + "\n");
        assertTrue(d.message().endsWith("conform reads specs of up to 16 MiB"), d.message());
    }

    @Test
    void aFileBelowTheLimitButAboveSnakeYamlsDefaultLoads() {
        project.write("s.yaml", "a: " + "x".repeat(4 * 1024 * 1024) + "\n");
        assertEquals(
                4 * 1024 * 1024,
                SourceTree.parse(project.path("s.yaml"))
                        .root()
                        .get("a")
                        .asText()
                        .length());
    }
}
