package conform.report;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import conform.config.TestId;
import conform.runner.TestResult;
import conform.runner.TestStatus;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report: divergences first, every status shown, nothing a model wrote can run, and a real browser agrees. */
class HtmlReportTest {

    private static final String XSS =
            "<script>document.body.setAttribute('data-pwned','1')</script><img src=x onerror=\"alert(1)\">";

    /**
     * Every status once. "Tool Request" diverges with a real failure (go failed where js and python passed) and comes
     * last in results.json; "Known Media" diverges only through a known failure, so it comes after it.
     */
    static ResultsDocument sample() throws Exception {
        String r = """
            {"plugin":"echo","runtime":"%s","model":"echo/a&b","test":"%s","status":"%s","attempts":%d,"flaky":%s,
             "error":%s,"latency_ms":12,"first_chunk_ms":null}\
            """;
        List<String> results = new ArrayList<>();
        String[][] rows = {
            {"Multiturn", "passed", "passed", "passed"},
            {"System Role", "error", "error", "error"}, // the same error everywhere: no divergence
            {"Streaming", "timeout", "skipped", "timeout"}, // skipped does not count
            {"Structured Output", "xfail", "failed", "failed"}, // a known failure is still a failure
            {"Media", "xpass", "passed", "passed"}, // a stale known failure is still a pass
            {"Interrupted", "interrupted", "passed", "passed"}, // no verdict does not count
            {"Known Media", "xfail", "passed", "passed"},
            {"Tool Request", "passed", "passed", "failed"}
        };
        String[] runtimes = {"js", "python", "go"};
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                String status = row[i + 1];
                boolean flaky = row[0].equals("Multiturn") && i == 0;
                String error = status.equals("passed") || status.equals("xpass") || status.equals("interrupted")
                        ? "null"
                        : new ObjectMapper()
                                .writeValueAsString(
                                        row[0].equals("Tool Request")
                                                ? "no tool request: " + XSS
                                                : status + " in " + runtimes[i]);
                results.add(r.formatted(runtimes[i], row[0], status, flaky ? 2 : 1, flaky, error));
            }
        }
        String run = """
            {"plugin":"echo","runtime":"%s","status":"%s","reason":%s,"tests":6,"counts":{"passed":2,"failed":1},
             "elapsed_ms":1810,"startup_ms":1414,"tests_ms":391,"log":"/tmp/r/logs/echo-%1$s.log","log_tail":["boot <b>ok</b>"]}\
            """;
        return new ObjectMapper()
                .readValue(
                        """
                        {"conform":"0.1.0","started_at":"2026-01-02T03:04:05Z","wall_ms":2310,"tests":18,
                         "totals":{"passed":7,"failed":3,"error":3,"timeout":2,"skipped":1,"xfail":1,"xpass":1,"flaky":1},
                         "runs":[%s,%s,%s],"results":[%s]}\
                        """.formatted(
                                run.formatted("js", "failed", "null"), run.formatted("python", "passed", "null"),
                                run.formatted("go", "error", "\"died: <img src=x onerror=alert(2)>\""),
                                        String.join(",", results)),
                        ResultsDocument.class);
    }

    /** The parity table's body rows: each row's class and its cells' data-status by runtime, as HTML or a browser's DOM has them. */
    static List<Row> parityRows(String html) {
        int table = html.indexOf("id=\"parity-table\"");
        assertTrue(table >= 0, "no parity table");
        String body = html.substring(html.indexOf("<tbody>", table), html.indexOf("</tbody>", table));
        List<Row> rows = new ArrayList<>();
        Matcher tr = Pattern.compile("<tr class=\"([^\"]*)\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(body);
        while (tr.find()) {
            List<String> statuses = new ArrayList<>();
            Matcher td = Pattern.compile("data-runtime=\"([^\"]*)\" data-status=\"([^\"]*)\"")
                    .matcher(tr.group(2));
            while (td.find()) statuses.add(td.group(1) + "=" + td.group(2));
            rows.add(new Row(tr.group(1), tr.group(2), statuses));
        }
        return rows;
    }

    record Row(String cls, String html, List<String> statuses) {}

    @Test
    void divergencesComeFirstRealFailuresBeforeKnownOnes() throws Exception {
        List<Row> rows = parityRows(HtmlReport.render(sample()));
        assertEquals(8, rows.size());
        assertEquals("divergent", rows.get(0).cls());
        assertTrue(rows.get(0).html().contains("Tool Request")
                && rows.get(0).html().contains("diverges"));
        assertEquals(
                List.of("js=passed", "python=passed", "go=failed"), rows.get(0).statuses());
        assertEquals(
                2, rows.stream().filter(r -> r.cls().equals("divergent")).count(), "only the planted rows diverge");
        assertTrue(rows.get(1).html().contains("Known Media"), "a divergence that is only a known failure comes after");
        assertEquals("all-ok", rows.get(2).cls(), "Multiturn passed everywhere; the others keep results.json order");
    }

    @Test
    void failuresComeFirstWithTheirErrorsAndLogs() throws Exception {
        String html = HtmlReport.render(sample(), Path.of("/tmp/r"), null);
        int failures = html.indexOf("id=\"failures\"");
        assertTrue(failures > 0 && failures < html.indexOf("id=\"parity\""), "the failures open the report");
        String section = html.substring(failures, html.indexOf("id=\"parity\""));
        assertTrue(section.contains("no tool request: &lt;script&gt;"), "the error text, escaped");
        assertTrue(
                section.contains("<a href=\"logs/echo-go.log\">echo-go.log</a>"),
                "a log below the report links relatively");
        assertFalse(
                section.contains(">Multiturn<") || section.contains("Known Media") || section.contains("Interrupted"),
                "only what fails the run: not a pass, a known failure or a test without a verdict");
        for (String status : List.of("failed", "error", "timeout", "xpass"))
            assertTrue(section.contains("st s-" + status), status);
    }

    @Test
    void divergenceTreatsKnownFailuresAsWhatTheyRecord() throws Exception {
        Function<String, Boolean> diverges = statuses -> {
            List<TestResult> cells = new ArrayList<>();
            for (String s : statuses.split(","))
                cells.add(new TestResult(
                        new TestId("p", "rt", "m", "t"),
                        TestStatus.valueOf(s.toUpperCase(Locale.ROOT)),
                        1,
                        false,
                        null,
                        null,
                        null));
            return HtmlParity.diverges(cells);
        };
        assertFalse(diverges.apply("xfail,failed,failed"));
        assertFalse(diverges.apply("xpass,passed"));
        assertFalse(diverges.apply("passed,skipped"), "a runtime that did not run the test has no verdict");
        assertFalse(diverges.apply("passed,interrupted"), "neither has one that was stopped");
        assertFalse(diverges.apply("passed"));
        assertTrue(diverges.apply("passed,xfail"));
        assertTrue(diverges.apply("failed,error"));
        assertTrue(diverges.apply("timeout,passed,skipped"));
    }

    @Test
    void everyStatusIsShownWithItsSymbolAndTheHeaderHasTotals() throws Exception {
        String html = HtmlReport.render(sample());
        for (var e : HtmlTheme.LOOKS.entrySet()) {
            assertTrue(html.contains("data-status=\"" + e.getKey() + "\""), e.getKey());
            assertTrue(html.contains(e.getValue().symbol()), e.getKey());
        }
        assertTrue(html.contains("wall time 2.3s"));
        assertTrue(html.contains("24 tests in 3 runs"));
        assertTrue(html.contains("flaky</span>"), "the retried pass is marked");
        assertTrue(html.contains("/tmp/r/logs/echo-go.log"));
        assertTrue(html.contains("echo/a&amp;b"));
        assertTrue(html.indexOf("id=\"matrix-js\"") < html.indexOf("id=\"matrix-python\""));
    }

    @Test
    void modelOutputCannotBecomeMarkup() throws Exception {
        String html = HtmlReport.render(sample());
        assertFalse(html.toLowerCase().contains("<script"), "no script element at all");
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<b>ok"), "log lines are text too");
        assertTrue(html.contains(
                "&lt;script&gt;document.body.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("Content-Security-Policy"));
        assertEquals("a&lt;b&gt;&quot;&#39;&amp;c\n", HtmlText.esc("a<b>\"'&c\u0000\n"));
    }

    @Test
    void nothingLoadsFromOutside() throws Exception {
        String html = HtmlReport.render(sample());
        // Attribute by attribute inside each tag, so "src=" in an escaped error (text, or a title's value) is not
        // mistaken for one.
        Matcher tag = Pattern.compile("<[a-zA-Z][^>]*>").matcher(html);
        int links = 0;
        while (tag.find()) {
            Matcher attr = Pattern.compile("\\s([a-zA-Z:-]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?")
                    .matcher(tag.group());
            while (attr.find()) {
                if (!Set.of("src", "href", "action", "srcset", "poster", "data")
                        .contains(attr.group(1).toLowerCase())) continue;
                String url = attr.group(2) == null ? "" : attr.group(2).replaceAll("^[\"']|[\"']$", "");
                // In-page links, and the failures' logs: a link is followed only when clicked, never loaded.
                assertTrue(
                        url.startsWith("#") || url.matches("file:/[^\"]*\\.log"),
                        "only in-page links and logs: " + url);
                assertFalse(url.toLowerCase().contains("http"), url);
                links++;
            }
        }
        assertTrue(links >= 4, "the in-page navigation is there");
        assertFalse(
                html.contains("@import")
                        || html.contains("url(")
                        || html.toLowerCase().contains("<link"),
                "no external CSS or fonts");
    }

    @Test
    void anEmptyDocumentStillRenders() {
        String html = HtmlReport.render(ResultsDocument.of(List.of(), "2026-01-02T03:04:05Z", 0, "0.1.0"));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.endsWith("</html>\n"));
        assertTrue(html.contains("Parity across runtimes"));
    }

    /** A real browser parses the file into the table we meant, runs nothing from the data, and draws it. */
    @Test
    void chromiumRendersTheParityTable(@TempDir Path dir) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(
                Files.isExecutable(chromium),
                "no /usr/bin/chromium; install it with: apt-get update && apt-get install -y chromium");
        Path report = dir.resolve("report.html");
        Files.writeString(report, HtmlReport.render(sample()));

        String dom = Files.readString(
                runChromium(chromium, dir, "--dump-dom", report.toUri().toString()));
        List<Row> rows = parityRows(dom);
        assertEquals(8, rows.size(), dom);
        assertEquals("divergent", rows.get(0).cls());
        assertTrue(rows.get(0).html().contains("Tool Request"));
        assertEquals(
                List.of("js=passed", "python=passed", "go=failed"), rows.get(0).statuses());
        assertFalse(dom.contains("data-pwned=") || dom.contains("<img"), "the planted script ran or became markup");
        assertTrue(dom.contains("&lt;script&gt;document.body"), "the planted script is shown as text");

        Path png = dir.resolve("report.png");
        runChromium(
                chromium,
                dir,
                "--screenshot=" + png,
                "--window-size=1400,1000",
                report.toUri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "no screenshot");
        assertEquals(1400, image.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7)
            for (int x = 0; x < image.getWidth(); x += 7) colours.add(image.getRGB(x, y));
        assertTrue(colours.size() > 20, "the screenshot looks blank: " + colours.size() + " colours");
        String keep =
                System.getenv("CONFORM_HTML_SCREENSHOT"); // to look at it: CONFORM_HTML_SCREENSHOT=/tmp/report.png
        if (keep != null && !keep.isBlank()) Files.copy(png, Path.of(keep), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Runs headless chromium with its own profile; stdout goes to a file, and it is killed whatever happens. */
    private static Path runChromium(Path chromium, Path dir, String... args) throws Exception {
        Path profile = Files.createTempDirectory(dir, "profile-");
        Path out = Files.createTempFile(dir, "chromium-", ".out");
        List<String> command = new ArrayList<>(List.of(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(dir.resolve("chromium.err").toFile())
                .start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium took over 60s");
            assertEquals(0, p.exitValue(), () -> "chromium failed: " + read(dir.resolve("chromium.err")));
            return out;
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            // Helpers that outlived their parent were re-parented; the unique profile path names them exactly.
            ProcessHandle.allProcesses()
                    .filter(h -> h.info()
                            .commandLine()
                            .map(c -> c.contains(profile.toString()))
                            .orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "";
        }
    }
}
