package conform.report;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import conform.diag.ExitCode;
import conform.support.Fixtures;
import conform.support.RealRuntimes;
import conform.support.TempProject;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;

/** One real run with mixed outcomes in three runtimes: results.json, junit.xml, summary.md and report.html agree. */
@ExtendWith(RealRuntimes.class)
class ReportsAgreeTest {

    @RegisterExtension
    private final TempProject work = TempProject.create();

    @Test
    void theFourReportsTellTheSameStory() throws Exception {
        Fixtures.Outcome run = Fixtures.checkModel("failing", "js,python,go", work.root());
        run.cli().expect(ExitCode.FAILED);
        JsonNode results = run.results();
        long passed = results.at("/totals/passed").asLong();
        long failed = results.at("/totals/failed").asLong();
        assertEquals(3, passed, "Multiturn passes in each runtime");
        assertEquals(9, failed, "three validator failures in each runtime");
        assertEquals(12, results.get("results").size());

        Element suites = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(work.path("junit.xml").toFile())
                .getDocumentElement();
        assertEquals("12", suites.getAttribute("tests"));
        long junitFailures = 0;
        var list = suites.getElementsByTagName("testsuite");
        for (int i = 0; i < list.getLength(); i++)
            junitFailures += Long.parseLong(((Element) list.item(i)).getAttribute("failures"));
        assertEquals(failed, junitFailures);
        assertEquals(3, list.getLength());

        String markdown = Files.readString(work.path("summary.md"));
        assertTrue(markdown.contains("**" + passed + " passed**, " + failed + " failed"), markdown);
        assertEquals(
                failed,
                markdown.lines()
                        .filter(l ->
                                l.matches("\\| echo \\| (js|python|go) \\| conformtest/echo \\| .* \\| failed \\|.*"))
                        .count());

        String html = Files.readString(work.path("report.html"));
        assertEquals(passed, chip(html, "passed"), "the HTML header counts the same passes");
        assertEquals(failed, chip(html, "failed"));
        assertTrue(
                run.cli().err().contains(passed + " passed · " + failed + " failed"),
                "the console footer too:\n" + run.cli().err());
    }

    /** The number in the HTML header's chip for a status. */
    private static long chip(String html, String status) {
        Matcher m = Pattern.compile(status + "\\s*(?:<[^>]+>\\s*)*(\\d+)").matcher(html);
        assertTrue(m.find(), "no " + status + " chip");
        return Long.parseLong(m.group(1));
    }
}
