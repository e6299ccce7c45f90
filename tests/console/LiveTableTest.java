package conform.console;

import static org.junit.jupiter.api.Assertions.*;

import conform.config.TestId;
import conform.plan.Plan;
import conform.redact.Redactor;
import conform.runner.RunListener;
import conform.runner.RunResult;
import conform.runner.RunStatus;
import conform.runner.TestResult;
import conform.runner.TestStatus;
import conform.support.Fixtures;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The live table: rows, the bar's arithmetic, cutting to the width, the "… N more" line, and a real terminal (tmux). */
class LiveTableTest {

    private static final Style COLOURED = Style.colored();
    private final StringWriter err = new StringWriter();
    private final Console console = new Console(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            COLOURED,
            Redactor.fromEnvironment(Map.of(), List.of()));
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private LiveTable table(int runs, int columns, int rows) {
        List<LiveTable.Planned> planned = IntStream.range(0, runs)
                .mapToObj(i -> new LiveTable.Planned("plugin-" + i, i % 2 == 0 ? "js" : "python", 10))
                .toList();
        return new LiveTable(console, planned, false, TerminalSize.fixed(columns, rows), now::get);
    }

    private static String plain(String s) {
        return s.replaceAll("\u001B\\[[0-9;]*[A-Za-z]", "");
    }

    private List<String> screen(LiveTable t, int columns, int rows) {
        return t.render(columns, rows, now.get()).stream()
                .map(LiveTableTest::plain)
                .toList();
    }

    private static TestResult test(String plugin, String runtime, int i, TestStatus status) {
        return new TestResult(
                new TestId(plugin, runtime, "m", "t" + i),
                status,
                1,
                false,
                status == TestStatus.PASSED ? null : "bad",
                10L,
                null);
    }

    private static RunResult finished(
            String plugin, String runtime, RunStatus status, String error, int passed, int failed) {
        List<TestResult> tests = new ArrayList<>();
        for (int i = 0; i < passed; i++) tests.add(test(plugin, runtime, i, TestStatus.PASSED));
        for (int i = 0; i < failed; i++) tests.add(test(plugin, runtime, passed + i, TestStatus.FAILED));
        return new RunResult(plugin, runtime, status, error, tests, 4200, 100L, 4000L, null, List.of());
    }

    @Test
    void rowsShowStatusProgressTimeAndDetails() {
        LiveTable t = table(3, 120, 30);
        t.runStarting("plugin-0", "js", 10);
        t.runRunning("plugin-0", "js", 900);
        for (int i = 0; i < 4; i++) t.testFinished(test("plugin-0", "js", i, TestStatus.PASSED));
        t.testFinished(test("plugin-0", "js", 4, TestStatus.FAILED));
        now.addAndGet(2_500_000_000L);
        t.runFinished(new RunResult(
                "plugin-1",
                "python",
                RunStatus.SKIPPED,
                "missing env: API_KEY",
                List.of(),
                0,
                null,
                null,
                null,
                List.of()));
        List<String> lines = screen(t, 120, 30);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(
                lines.get(0).matches("\\s+plugin\\s+runtime\\s+status\\s+progress\\s+time\\s+details"), lines.get(0));
        assertTrue(
                lines.get(1).matches("  ⟳ plugin-0\\s+js\\s+running\\s+██████░░░░░░ 4/10\\s+2\\.5s  1 failed"),
                lines.get(1));
        assertTrue(
                lines.get(2).matches("  ⊘ plugin-1\\s+python\\s+skipped\\s+░{12} 0/10\\s+0ms  missing env: API_KEY"),
                lines.get(2));
        assertTrue(lines.get(3).matches("  ◌ plugin-2\\s+js\\s+pending\\s+░{12} 0/10\\s*"), lines.get(3));
        t.runFinished(finished("plugin-0", "js", RunStatus.FAILED, null, 9, 1));
        assertTrue(screen(t, 120, 30).get(1).matches("  ✗ plugin-0\\s+js\\s+failed\\s+█{12} 9/10\\s+4\\.2s  1 failed"));
    }

    @Test
    void logLinesScrollAboveTheRedrawnTable() {
        LiveTable t = table(2, 100, 30);
        t.start();
        try {
            t.note("plugin-0", "js", "model x registers lazily");
            t.runFinished(finished("plugin-1", "python", RunStatus.PASSED, null, 10, 0));
        } finally {
            t.close();
        }
        String out = err.toString();
        // Each redraw goes back over the previous table (header + 2 rows), then the log line, then the table again.
        assertTrue(out.contains("\r\u001B[3A"), out);
        String last = out.substring(out.lastIndexOf("\r\u001B[3A"));
        assertFalse(plain(last).contains("lazily"), "the note was printed once, above the table");
        int note = out.indexOf("model x registers lazily"), done = out.indexOf("passed 10/10");
        assertTrue(note > 0 && done > note && out.lastIndexOf("plugin-1") > done, plain(out));
        assertTrue(plain(last).contains("✓ plugin-1"), "the final table stays on screen");
    }

    @Test
    void theBarIsAlwaysExactlyItsWidth() {
        for (int width = 4; width <= 20; width++) {
            for (int total = 1; total <= 25; total++) {
                for (int passed = 0; passed <= total; passed++) {
                    for (int failed = 0; passed + failed <= total; failed++) {
                        int known = (total - passed - failed) / 3;
                        int[] cells = ProgressBar.cells(width, passed, failed, known, total - passed - failed - known);
                        assertEquals(
                                width, IntStream.of(cells).sum(), width + " " + total + " " + passed + " " + failed);
                        int[] counts = {passed, failed, known, total - passed - failed - known};
                        for (int i = 0; i < 4; i++) {
                            assertEquals(
                                    counts[i] > 0,
                                    cells[i] > 0,
                                    "a non-zero count shows, a zero one does not: " + width + " " + total + " " + passed
                                            + " " + failed);
                        }
                        assertEquals(
                                width,
                                Style.visibleLength(ProgressBar.render(COLOURED, width, passed, failed, known, total)));
                    }
                }
            }
        }
        assertEquals("████████████", plain(ProgressBar.render(COLOURED, 12, 7, 0, 0, 7)));
        assertEquals("██████░░░░░░", plain(ProgressBar.render(COLOURED, 12, 3, 0, 0, 6)));
        assertEquals(
                "█░░░░░░░░░░░",
                plain(ProgressBar.render(COLOURED, 12, 0, 1, 0, 500)),
                "one failure in 500 still shows");
        assertEquals("—" + " ".repeat(11), plain(ProgressBar.render(COLOURED, 12, 0, 0, 0, 0)));
    }

    @Test
    void linesAreCutToTheWidthKeepingTheirColours() {
        String line = COLOURED.green("abcdef") + " " + COLOURED.red("ghijkl");
        assertEquals(line, Style.truncate(line, 13));
        String cut = Style.truncate(line, 9);
        assertEquals(9, Style.visibleLength(cut));
        assertEquals("abcdef g…", plain(cut));
        assertTrue(cut.endsWith("\u001B[0m"), "colour is reset after the cut");
        assertEquals("", Style.truncate(line, 0));
        LiveTable t = table(3, 200, 30);
        t.runFinished(new RunResult(
                "plugin-1",
                "python",
                RunStatus.ERROR,
                "runtime did not start: " + "x".repeat(300),
                List.of(),
                0,
                null,
                null,
                null,
                List.of()));
        for (int columns = 10; columns <= 200; columns++) {
            for (String l : t.render(columns, 30, now.get()))
                assertTrue(Style.visibleLength(l) < columns, columns + ": " + plain(l));
        }
    }

    @Test
    void aNarrowerTerminalRewrapsTheOldTable() {
        assertEquals(3, LiveTable.screenRows(new int[] {70, 50, 0}, 120, 120));
        assertEquals(4, LiveTable.screenRows(new int[] {70, 50, 0}, 120, 60), "the 70-wide line takes two rows at 60");
        assertEquals(3, LiveTable.screenRows(new int[] {59, 59, 59}, 60, 200), "wider never re-wraps");
    }

    @Test
    void manyRunsShowRunningAndFailedFirstAndSummariseTheRest() {
        LiveTable t = table(40, 100, 24);
        for (int i = 0; i < 40; i++) {
            String plugin = "plugin-" + i, runtime = i % 2 == 0 ? "js" : "python";
            if (i < 25) t.runFinished(finished(plugin, runtime, RunStatus.PASSED, null, 10, 0));
            else if (i == 30 || i == 31) t.runFinished(finished(plugin, runtime, RunStatus.FAILED, null, 8, 2));
            else if (i >= 36) {
                t.runStarting(plugin, runtime, 10);
                t.runRunning(plugin, runtime, 5);
            }
        }
        List<String> lines = screen(t, 100, 24);
        assertTrue(lines.size() <= 24 - 3, "room for the cursor and a margin: " + lines.size());
        String all = String.join("\n", lines);
        for (int i : new int[] {30, 31, 36, 37, 38, 39})
            assertTrue(all.contains("plugin-" + i + " "), "plugin-" + i + " shown:\n" + all);
        String more = lines.get(lines.size() - 1);
        int hidden = 40 - (lines.size() - 2);
        assertTrue(more.matches("  … " + hidden + " more: (\\d+ pending, )?\\d+ passed"), more);
        int counted = Pattern.compile("(\\d+) (pending|passed)")
                .matcher(more)
                .results()
                .mapToInt(m -> Integer.parseInt(m.group(1)))
                .sum();
        assertEquals(hidden, counted, more);
        // Shown rows keep plan order.
        List<Integer> order = lines.subList(1, lines.size() - 1).stream()
                .map(l -> Integer.parseInt(l.replaceAll(".*plugin-(\\d+).*", "$1")))
                .toList();
        assertEquals(order.stream().sorted().toList(), order);
    }

    @Test
    void plainOutputWithoutAColourTerminal() {
        Plan plan = new Plan(List.of(), List.of(), 1);
        assertInstanceOf(ProgressLines.class, LiveTable.forConsole(console, plan, false, false));
        Console plainConsole = new Console(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                Style.plain(),
                Redactor.fromEnvironment(Map.of(), List.of()));
        assertInstanceOf(ProgressLines.class, LiveTable.forConsole(plainConsole, plan, false, true));
        RunListener live = LiveTable.forConsole(console, plan, false, true);
        assertInstanceOf(LiveTable.class, live);
        ((LiveTable) live).close();
    }

    // --- a real terminal: conform inside tmux ---

    private static final String ROW =
            "  \\S (echo)\\s+(js|python|go)\\s+(starting|running|passed|failed)\\s+[█░]{12} \\d/9.*";

    private static boolean isHeader(String line) {
        return line.matches("\\s+plugin\\s+runtime\\s+status\\s+progress\\s+time.*");
    }

    /** The header and one whole row per runtime, each on one line, are the last lines on screen (once finished, the summary follows). */
    private static void assertTableAtBottom(List<String> screen, int columns, boolean finished) {
        String text = String.join("\n", screen);
        for (String line : screen)
            assertTrue(
                    line.codePointCount(0, line.length()) <= columns,
                    "wider than " + columns + ": " + line + "\n" + text);
        List<Integer> headers = IntStream.range(0, screen.size())
                .filter(i -> isHeader(screen.get(i)))
                .boxed()
                .toList();
        if (!finished) assertEquals(1, headers.size(), "one table on screen:\n" + text);
        int h = headers.get(headers.size() - 1);
        assertTrue(screen.size() > h + 3, text);
        List<String> rows = screen.subList(h + 1, h + 4);
        for (String row : rows) assertTrue(row.matches(ROW), "a whole row on one line: '" + row + "'\n" + text);
        assertEquals(
                List.of("js", "python", "go"),
                rows.stream().map(r -> r.replaceAll(ROW, "$2")).toList());
        if (!finished) assertEquals(h + 4, screen.size(), "nothing below the table while it runs:\n" + text);
    }

    @Test
    void aRealTerminalKeepsTheTableAtTheBottomThroughAResize() throws Exception {
        TmuxTerminal.assumeInstalled();
        Fixtures.ensureSetUp();
        try (TempProject work = TempProject.create()) {
            // Slow tests, one at a time (-t 1), so the run lasts long enough to be watched and resized; one fails.
            StringBuilder spec = new StringBuilder("- model: conformtest/echo\n  supports: []\n  tests:\n");
            for (int i = 0; i < 8; i++) {
                spec.append("    - name: slow ")
                        .append(i)
                        .append("\n      input: {messages: [{role: user, content: [{text: '#sleep:600 word")
                        .append(i)
                        .append("'}]}]}\n      validators: ['text-includes:word")
                        .append(i)
                        .append("']\n");
            }
            spec.append("    - name: wrong\n"
                    + "      input: {messages: [{role: user, content: [{text: 'apples'}]}]}\n"
                    + "      validators: ['text-includes:banana']\n");
            work.write("specs/echo.yaml", spec.toString());
            try (TmuxTerminal terminal = TmuxTerminal.start(
                    work,
                    RepoRoot.find(),
                    Fixtures.checkModelInEveryRuntime(
                            work.path("specs"),
                            "-t",
                            "1",
                            "--report-dir",
                            work.path("r").toString()),
                    120,
                    30)) {
                List<String> running = terminal.waitFor(
                        s -> s.stream()
                                        .filter(l -> l.matches(ROW) && l.contains("running"))
                                        .count()
                                == 3,
                        120);
                assertTableAtBottom(running, 120, false);

                terminal.resize(80, 24);
                Thread.sleep(1000);
                List<String> resized = terminal.capture();
                assertTrue(
                        resized.stream().anyMatch(l -> l.matches(ROW) && l.contains("running")),
                        "still running after the resize:\n" + String.join("\n", resized));
                assertTableAtBottom(resized, 80, false);

                terminal.waitFor(s -> s.stream().anyMatch(l -> l.startsWith("conform exited")), 120);
                // The summary that follows has scrolled the final table up: look for it in the scrollback too.
                List<String> end = terminal.capture("-S", "-");
                assertTrue(end.stream().anyMatch(l -> l.equals("conform exited 1")), String.join("\n", end));
                assertTableAtBottom(end, 80, true);
                assertEquals(
                        3,
                        end.stream()
                                .filter(l -> l.matches(ROW) && l.contains("failed") && l.contains("8/9"))
                                .count(),
                        String.join("\n", end));
            }
        }
    }

    @Test
    void aRealTerminalWithMorePluginsThanRowsSummarisesTheRest() throws Exception {
        TmuxTerminal.assumeInstalled();
        Fixtures.ensureSetUp();
        try (TempProject work = TempProject.create()) {
            Path fixture = RepoRoot.find().resolve("entries/js/fixtures/echo.ts");
            for (int i = 1; i <= 14; i++) {
                String plugin = String.format("plugin-%02d", i);
                work.write("entries/" + plugin + ".ts", "import '" + fixture + "';\n")
                        .write(
                                "specs/" + plugin + ".yaml",
                                "- model: conformtest/echo\n"
                                        + "  supports: [multiturn]\n"
                                        + "  tests:\n"
                                        + "    - {name: slow, input: {messages: [{role: user, content: [{text:"
                                        + " '#sleep:1500 hi'}]}]}}\n");
            }
            work.write(
                    "conform.toml",
                    "[conform]\nmax-retries = 0\nspecs-dir = \"specs\"\n[conform.runtimes.js]\ncwd = \""
                            + RepoRoot.find().resolve("entries/js") + "\"\nentries-dir = \"entries\"\n");
            try (TmuxTerminal terminal = TmuxTerminal.start(
                    work,
                    work.root(),
                    List.of("check-model", "--config", work.path("conform.toml").toString(), "-j", "3"),
                    100,
                    16)) {
                List<String> running = terminal.waitFor(
                        screen -> screen.stream().anyMatch(l -> l.matches("\\s+… \\d+ more: .*")), 120);
                String text = String.join("\n", running);
                assertTrue(
                        running.get(running.size() - 1).matches("\\s+… \\d+ more: .*"),
                        "the summary line closes the table at the bottom:\n" + text);
                for (String line : running)
                    assertTrue(
                            line.codePointCount(0, line.length()) <= 100,
                            "wider than the window: " + line + "\n" + text);
                assertEquals(
                        1, running.stream().filter(LiveTableTest::isHeader).count(), "one table on screen:\n" + text);
                List<String> end =
                        terminal.waitFor(screen -> screen.stream().anyMatch(l -> l.startsWith("conform exited")), 180);
                assertTrue(end.stream().anyMatch(l -> l.equals("conform exited 0")), String.join("\n", end));
            }
        }
    }
}
