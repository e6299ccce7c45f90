package conform.report;

import static org.junit.jupiter.api.Assertions.*;

import conform.config.TestId;
import conform.diag.ExitCode;
import conform.runner.RunResult;
import conform.runner.RunStatus;
import conform.runner.TestResult;
import conform.runner.TestStatus;
import conform.support.CliRun;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The reports rendered from a results.json holding every status, and the `report` command. */
class ReportsTest {

    private static final Path EVERY_STATUS = RepoRoot.find().resolve("tests/fixtures/results/every-status.json");

    @RegisterExtension
    private final TempProject out = TempProject.create();

    private static ResultsDocument results() {
        return ResultsFile.read(EVERY_STATUS);
    }

    private static Document junit() throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(JunitXml.render(results()).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void junitHasTheSchemasShape() throws Exception {
        Element root = junit().getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("8", root.getAttribute("tests"));
        assertEquals("4.321", root.getAttribute("time"));
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(3, suites.getLength(), "one testsuite per plugin × runtime");
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            for (String attribute : List.of("name", "tests", "failures", "errors", "skipped", "time"))
                assertTrue(suite.hasAttribute(attribute), attribute);
            NodeList cases = suite.getElementsByTagName("testcase");
            assertEquals(Integer.parseInt(suite.getAttribute("tests")), cases.getLength());
            int failures = 0, errors = 0, skipped = 0;
            for (int c = 0; c < cases.getLength(); c++) {
                Element testcase = (Element) cases.item(c);
                assertTrue(testcase.hasAttribute("classname")
                        && testcase.hasAttribute("name")
                        && testcase.hasAttribute("time"));
                failures += testcase.getElementsByTagName("failure").getLength();
                errors += testcase.getElementsByTagName("error").getLength();
                skipped += testcase.getElementsByTagName("skipped").getLength();
            }
            assertEquals(
                    Integer.parseInt(suite.getAttribute("failures")),
                    failures,
                    "failures counted in " + suite.getAttribute("name"));
            assertEquals(Integer.parseInt(suite.getAttribute("errors")), errors);
            assertEquals(Integer.parseInt(suite.getAttribute("skipped")), skipped);
        }
    }

    @Test
    void junitMapsEachStatus() throws Exception {
        Element js = (Element) junit().getElementsByTagName("testsuite").item(0);
        assertEquals("echo (js)", js.getAttribute("name"));
        assertEquals("1", js.getAttribute("failures"));
        assertEquals("2", js.getAttribute("errors"), "error and timeout");
        Element go = (Element) junit().getElementsByTagName("testsuite").item(1);
        assertEquals("1", go.getAttribute("failures"), "a stale known failure fails");
        assertEquals("1", go.getAttribute("skipped"), "a known failure is skipped");
        String xml = JunitXml.render(results());
        assertTrue(xml.contains("&lt;script&gt;"), "escaped");
        assertTrue(xml.contains("<property name=\"attempts\" value=\"2\"/>"));
        assertTrue(xml.contains("<property name=\"flaky\" value=\"true\"/>"));
        assertTrue(xml.contains("message=\"known failure: text-includes:banana"));
    }

    /** A run whose every test is a known failure passes, but no report lets it pass for a working plugin. */
    @Test
    void anAllKnownFailuresRunStandsApartInEveryReport() {
        List<TestResult> known = List.of("One", "Two").stream()
                .map(name -> new TestResult(
                        new TestId("broke", "go", "b/m", name),
                        TestStatus.XFAIL,
                        1,
                        false,
                        "no (known failure: bug)",
                        5L,
                        null))
                .toList();
        ResultsDocument d = ResultsDocument.of(
                List.of(new RunResult(
                        "broke", "go", RunStatus.of(known), null, known, 300, 50L, 250L, null, List.of())),
                "2026-12-01T00:00:00Z",
                300,
                "0.1.0");
        assertEquals(RunStatus.XFAIL, d.runs().get(0).status());
        assertTrue(d.passed(), "the run's exit code policy is unchanged");
        String xml = JunitXml.render(d);
        assertTrue(xml.contains("<property name=\"conform.run-status\" value=\"xfail\"/>"), xml);
        assertTrue(
                xml.contains("<system-out>every test of broke in go is a known failure: nothing passed</system-out>"),
                xml);
        assertTrue(MarkdownSummary.render(d).contains("| ⚪ | broke | go | XFAIL | 0/2 |"), MarkdownSummary.render(d));
        String html = HtmlReport.render(d);
        assertTrue(html.contains("✓ run passed · 1 run is all known failures"), "the verdict says so");
        assertTrue(
                html.contains("<td class=\"st s-xfail\"><span class=\"sym\">⊘</span>xfail</td>"),
                "the run's own status");
    }

    @Test
    void markdownSummarises() {
        String md = MarkdownSummary.render(results());
        assertTrue(
                md.contains(
                        "**2 passed**, 1 failed, 1 error, 1 timeout, 1 known failure(s), 1 stale, 1 skipped, 1 flaky"),
                md);
        assertTrue(md.contains("| ❌ | echo | js | FAILED | 1/4 |"), md);
        assertTrue(md.contains("| ⏭️ | keyed | python | SKIPPED | 0/1 | — | missing env: KEYED_API_KEY |"), md);
        assertTrue(md.contains("| echo | js | conformtest/echo | Wrong word | failed |"), md);
        assertTrue(md.contains("\\| pipes"), "pipes escaped in cells");
        assertFalse(md.contains("second line"), "one line per cell");
    }

    @Test
    void annotationsOnlyUnderGithubActions() {
        assertEquals(List.of(), Reports.annotations(results(), Map.of()));
        List<String> lines = Reports.annotations(results(), Map.of("GITHUB_ACTIONS", "true"));
        assertEquals(4, lines.size(), "failed, error, timeout, xpass");
        assertTrue(
                lines.get(1)
                        .startsWith("::error title=conform%3A echo (js) error::conformtest/echo · Throws: provider"
                                + " exploded%0Asecond line"),
                lines.get(1));
    }

    @Test
    void theStepSummaryIsAppended() throws Exception {
        Path summary = out.path("step-summary.md");
        Files.writeString(summary, "earlier step\n");
        Reports.write(out.path("reports"), results(), null, Map.of("GITHUB_STEP_SUMMARY", summary.toString()));
        assertTrue(Files.readString(summary).startsWith("earlier step\n## conform: model conformance"));
    }

    @Test
    void reportCommandRendersAgainAndKeepsTheVerdict() throws Exception {
        CliRun r = CliRun.run(
                RepoRoot.find(),
                Map.of(),
                "report",
                EVERY_STATUS.toString(),
                "--out",
                out.path("again").toString());
        r.expect(ExitCode.FAILED, "the results hold failures: " + r);
        assertTrue(Files.readString(out.path("again/junit.xml")).contains("<testsuites"));
        assertTrue(Files.exists(out.path("again/summary.md")));
        assertTrue(Files.readString(out.path("again/report.html")).contains("Parity across runtimes"));
    }

    @Test
    void reportCommandRejectsWhatIsNotAResultsFile() {
        out.write("not-results.json", "{\"hello\": 1}").write("broken.json", "{");
        CliRun wrong = CliRun.run(
                RepoRoot.find(),
                Map.of(),
                "report",
                out.path("not-results.json").toString());
        wrong.expect(ExitCode.USAGE);
        assertTrue(
                wrong.err().contains("not-results.json is not a conform results file: Missing required field 'runs'"),
                wrong.toString());
        CliRun.run(RepoRoot.find(), Map.of(), "report", out.path("broken.json").toString())
                .expect(ExitCode.USAGE);
        CliRun.run(RepoRoot.find(), Map.of(), "report", out.path("absent.json").toString())
                .expect(ExitCode.USAGE);
    }
}
