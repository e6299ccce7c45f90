package conform.report;

import static conform.report.HtmlText.esc;
import static conform.report.HtmlText.shortName;
import static conform.report.HtmlText.shorten;
import static conform.report.HtmlText.slug;

import conform.runner.TestResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report's matrix of one runtime: a row per plugin and model, a column per test. */
final class HtmlMatrix {

    private HtmlMatrix() {}

    /** Per runtime: a row per plugin and model, a column per test, symbols only; the error shows on hover. */
    static void render(StringBuilder h, String runtime, List<TestResult> tests, List<String> allColumns) {
        Map<String, Map<String, Map<String, TestResult>>> byPlugin = new LinkedHashMap<>(); // plugin → model → test
        for (TestResult t : tests) {
            if (!runtime.equals(t.runtime())) continue;
            byPlugin.computeIfAbsent(t.plugin(), p -> new LinkedHashMap<>())
                    .computeIfAbsent(t.model(), m -> new LinkedHashMap<>())
                    .put(t.test(), t);
        }
        List<String> columns = allColumns.stream()
                .filter(c -> byPlugin.values().stream()
                        .anyMatch(models -> models.values().stream().anyMatch(cells -> cells.containsKey(c))))
                .toList();
        h.append("<h2 id=\"matrix-")
                .append(esc(slug(runtime)))
                .append("\">")
                .append(esc(runtime))
                .append(": models × tests</h2>\n");
        if (columns.isEmpty()) {
            h.append("<p class=\"note\">No tests ran in this runtime.</p>\n");
            return;
        }
        h.append("<div class=\"scroll fit\"><table class=\"matrix\"><thead><tr><th"
                + " class=\"row\">Model</th><th>Passed</th>");
        for (String c : columns)
            h.append("<th class=\"test\" title=\"")
                    .append(esc(c))
                    .append("\"><span>")
                    .append(esc(shortName(c)))
                    .append("</span></th>");
        h.append("</tr></thead><tbody>\n");
        byPlugin.forEach((plugin, models) -> {
            h.append("<tr class=\"plugin-row\"><th colspan=\"")
                    .append(columns.size() + 2)
                    .append("\">")
                    .append(esc(plugin))
                    .append("</th></tr>\n");
            models.forEach((model, cells) -> {
                long passed = cells.values().stream().filter(TestResult::passed).count();
                h.append("<tr><th class=\"row\"><code>")
                        .append(esc(model))
                        .append("</code></th><td class=\"tally\">")
                        .append(passed)
                        .append(" / ")
                        .append(cells.size())
                        .append("</td>");
                for (String c : columns) {
                    TestResult t = cells.get(c);
                    if (t == null) {
                        h.append("<td class=\"st s-none\" title=\"not in this plugin's spec\">·</td>");
                        continue;
                    }
                    String status = t.status().label(), error = t.error();
                    String title = c + ": " + status + (error == null ? "" : "\n" + shorten(error));
                    h.append("<td class=\"st %s\" title=\"%s\">%s</td>"
                            .formatted(
                                    HtmlTheme.cls(status),
                                    esc(title),
                                    HtmlTheme.look(status).symbol()));
                }
                h.append("</tr>\n");
            });
        });
        h.append("</tbody></table></div>\n");
    }
}
