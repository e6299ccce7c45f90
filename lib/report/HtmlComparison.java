package conform.report;

import static conform.report.HtmlText.esc;

import conform.runner.VerdictComparison;
import conform.runner.VerdictComparison.Disagreement;
import conform.runner.VerdictComparison.Side;

/**
 * The verdict comparison of --runner both in the HTML report: every test where conform and genkit dev:test-model
 * disagree, with both verdicts and messages, unexplained ones first, each explained one labelled with its documented
 * choice (docs/validators.md).
 */
final class HtmlComparison {

    private HtmlComparison() {}

    static void render(StringBuilder h, VerdictComparison comparison) {
        long unexplained = comparison.unexplained();
        h.append("<h2 id=\"comparison\">Verdict comparison</h2>\n<p class=\"note\">conform and ")
                .append(esc(comparison.runner().title))
                .append(" judged ")
                .append(comparison.compared())
                .append(" tests each: ")
                .append(comparison.disagreements().size())
                .append(" disagreement(s), ")
                .append(unexplained)
                .append(" unexplained (each fails the run). An explained one follows a choice listed in"
                        + " docs/validators.md.</p>\n");
        if (comparison.disagreements().isEmpty()) return;
        h.append("<div class=\"scroll\"><table class=\"failures\"><thead><tr><th>Plugin</th><th>Runtime</th>")
                .append("<th>Model</th><th>Test</th><th>Why</th><th>conform</th><th>")
                .append(esc(comparison.runner().title))
                .append("</th></tr></thead><tbody>\n");
        comparison.disagreements().stream()
                .sorted((a, b) -> Boolean.compare(a.explained(), b.explained()))
                .forEach(d -> row(h, d));
        h.append("</tbody></table></div>\n");
    }

    private static void row(StringBuilder h, Disagreement d) {
        h.append("<tr><td>%s</td><td>%s</td><td><code>%s</code></td><td>%s</td>"
                        .formatted(esc(d.plugin()), esc(d.runtime()), esc(d.model()), esc(d.test())))
                .append(
                        d.explained()
                                ? "<td>" + esc(d.choice()) + "</td>"
                                : "<td class=\"st " + HtmlTheme.cls("failed") + "\">unexplained</td>");
        side(h, d.own());
        side(h, d.canonical());
        h.append("</tr>\n");
    }

    private static void side(StringBuilder h, Side side) {
        String status = side.status().label();
        h.append("<td class=\"st ")
                .append(HtmlTheme.cls(status))
                .append("\">")
                .append(HtmlTheme.look(status).symbol())
                .append(' ')
                .append(esc(status));
        if (side.error() != null) h.append("<pre>").append(esc(side.error())).append("</pre>");
        h.append("</td>");
    }
}
