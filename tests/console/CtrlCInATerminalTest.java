package conform.console;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import conform.support.Fixtures;
import conform.support.RealRuntimes;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A real Ctrl-C, typed into a real terminal while the live table runs: the run ends as interrupted, results written. */
@ExtendWith(RealRuntimes.class)
class CtrlCInATerminalTest {

    @RegisterExtension
    private final TempProject work = TempProject.create();

    @ParameterizedTest
    @ValueSource(strings = {"auto", "v1"})
    void ctrlCEndsTheRunAsInterruptedWithWhatFinishedWritten(String transport) throws Exception {
        TmuxTerminal.assumeInstalled();
        List<String> args = Fixtures.checkModelInEveryRuntime(
                Fixtures.scenario("interruptible"),
                "--report-dir",
                work.path("reports").toString(),
                "--transport",
                transport);
        try (TmuxTerminal terminal = TmuxTerminal.start(work, RepoRoot.find(), args, 120, 30)) {
            // Each runtime's row shows its quick test passed while the sleeping one still runs.
            List<String> running = terminal.waitFor(
                    screen -> screen.stream()
                                    .filter(l -> l.contains("running") && l.contains("1/2"))
                                    .count()
                            == 3,
                    120);
            assertEquals(
                    3,
                    running.stream()
                            .filter(l -> l.contains("running") && l.contains("1/2"))
                            .count(),
                    String.join("\n", running));
            terminal.press("C-c");
            List<String> end =
                    terminal.waitFor(screen -> screen.stream().anyMatch(l -> l.startsWith("conform exited")), 60);
            String text = String.join("\n", terminal.capture("-S", "-"));
            assertTrue(end.stream().anyMatch(l -> l.equals("conform exited 130")), text);
            assertTrue(text.contains("interrupted by Ctrl-C: 3 test(s) finished, 3 without a verdict"), text);
            assertEquals(
                    3,
                    text.lines().filter(l -> l.contains("INTERRUPTED")).count(),
                    "each run says so in the summary:\n" + text);
        }
        JsonNode results =
                new ObjectMapper().readTree(work.path("reports/results.json").toFile());
        assertEquals(3, results.get("totals").get("passed").asInt(), results.toString());
        assertEquals(3, results.get("totals").get("interrupted").asInt(), results.toString());
    }
}
