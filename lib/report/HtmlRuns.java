package conform.report;

import static conform.report.HtmlText.esc;

import conform.report.HtmlTheme.Look;
import conform.runner.RunResult;
import conform.runner.RunStatus;
import java.util.List;

/** The report's table of plugin runs: status, counts, time, reason and log of each. */
final class HtmlRuns {

    private HtmlRuns() {}

    static void render(StringBuilder h, List<RunResult> runs) {
        h.append("<h2 id=\"runs\">Runs</h2><p class=\"note\">One run per plugin and runtime: its entry started"
                        + " once, its tests ran against it.</p>\n")
                .append("<div class=\"scroll\"><table"
                        + " class=\"runs\"><thead><tr><th>Plugin</th><th>Runtime</th><th>Status</th><th>Tests</th>")
                .append("<th>Counts</th><th>Time</th><th>Reason</th><th>Log</th></tr></thead><tbody>\n");
        for (RunResult r : runs) {
            String status = r.status().label(), reason = r.reason();
            Look l = HtmlTheme.look(status);
            h.append("<tr><td>")
                    .append(esc(r.plugin()))
                    .append("</td><td>")
                    .append(esc(r.runtime() + (r.sources().isEmpty() ? "" : " (local sources)")))
                    .append("</td><td class=\"st ")
                    .append(HtmlTheme.cls(status))
                    .append("\"><span class=\"sym\">")
                    .append(l.symbol())
                    .append("</span>")
                    .append(esc(l.label()))
                    .append("</td><td>")
                    .append(r.testCount())
                    .append("</td><td class=\"tally\">");
            r.counts().forEach((name, count) -> {
                if (count > 0) h.append(esc(name)).append(' ').append(count).append(" &nbsp;");
            });
            h.append("</td><td class=\"tally\">")
                    .append(esc(Durations.format(r.status() == RunStatus.SKIPPED ? -1 : r.elapsedMs())));
            if (r.startupMs() != null)
                h.append(" (start ")
                        .append(esc(Durations.format(r.startupMs())))
                        .append(")");
            h.append("</td><td class=\"reason\">").append(reason == null ? "" : esc(reason));
            if (!r.logTail().isEmpty()) {
                h.append("<details><summary>log tail (")
                        .append(r.logTail().size())
                        .append(" lines)</summary><pre>");
                r.logTail().forEach(line -> h.append(esc(line)).append('\n'));
                h.append("</pre></details>");
            }
            h.append("</td><td>")
                    .append(r.log() != null ? "<code>" + esc(r.log().toString()) + "</code>" : "")
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table></div>\n");
    }
}
