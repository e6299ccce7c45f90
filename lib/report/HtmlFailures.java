package conform.report;

import static conform.report.HtmlText.esc;

import conform.runner.RunResult;
import conform.runner.TestResult;
import conform.runner.TestStatus;
import java.nio.file.Path;
import java.util.List;

/**
 * The HTML report's first section: every test that fails the run, with its error and a link to its runtime's log,
 * so the reader starts with what needs fixing. An interrupted test has no verdict and is not listed.
 */
final class HtmlFailures {

    private HtmlFailures() {}

    /** @param reportDir where report.html lies, so logs below it are linked relatively; null links absolute paths */
    static void render(StringBuilder h, ResultsDocument results, Path reportDir) {
        h.append("<h2 id=\"failures\">Failures</h2>\n");
        List<RunResult> failing = results.runs().stream()
                .filter(r -> r.tests().stream().anyMatch(HtmlFailures::fails))
                .toList();
        if (failing.isEmpty()) {
            h.append("<p class=\"note\">No test failed the run.</p>\n");
            return;
        }
        h.append("<div class=\"scroll\"><table"
                        + " class=\"failures\"><thead><tr><th>Plugin</th><th>Runtime</th><th>Model</th>")
                .append("<th>Test</th><th>Status</th><th>Error</th><th>Log</th></tr></thead><tbody>\n");
        for (RunResult run : failing) {
            String log = logLink(run, reportDir);
            for (TestResult t : run.tests()) {
                if (!fails(t)) continue;
                String status = t.status().label();
                h.append("<tr><td>%s</td><td>%s</td><td><code>%s</code></td><td>%s</td><td class=\"st %s\">%s %s</td>"
                                .formatted(
                                        esc(t.plugin()),
                                        esc(t.runtime()),
                                        esc(t.model()),
                                        esc(t.test()),
                                        HtmlTheme.cls(status),
                                        HtmlTheme.look(status).symbol(),
                                        esc(status)))
                        .append("<td><pre>")
                        .append(esc(t.error()))
                        .append("</pre></td><td>")
                        .append(log)
                        .append("</td></tr>\n");
            }
        }
        h.append("</tbody></table></div>\n");
    }

    private static boolean fails(TestResult t) {
        return !t.status().acceptable() && t.status() != TestStatus.INTERRUPTED;
    }

    private static String logLink(RunResult run, Path reportDir) {
        if (run.log() == null) return "";
        Path log = run.log().toAbsolutePath().normalize();
        String href =
                reportDir != null && log.startsWith(reportDir.toAbsolutePath().normalize())
                        ? reportDir.toAbsolutePath().normalize().relativize(log).toString()
                        : log.toUri().toString();
        return "<a href=\"" + esc(href) + "\">" + esc(log.getFileName().toString()) + "</a>";
    }
}
