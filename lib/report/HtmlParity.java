package conform.report;

import static conform.report.HtmlText.esc;
import static conform.report.HtmlText.shorten;

import conform.report.HtmlTheme.Look;
import conform.runner.TestResult;
import conform.runner.TestStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The report's parity table: each plugin, model and test once, with its verdict in every runtime. Rows where
 * the runtimes disagree come first, real failures before known ones.
 */
final class HtmlParity {

    /** One row of the parity table: the same plugin, model and test, run in each runtime. */
    record Key(String plugin, String model, String test) {}

    private final Map<Key, Map<String, TestResult>> rows = new LinkedHashMap<>();
    private final List<Key> order = new ArrayList<>();
    private final int divergent;

    HtmlParity(List<TestResult> tests) {
        for (TestResult t : tests)
            rows.computeIfAbsent(key(t), k -> new LinkedHashMap<>()).put(t.runtime(), t);
        // Divergences first, real failures before known ones, each group in results.json order (plugin runs, then the
        // spec's test order).
        List<Key> known = new ArrayList<>(), same = new ArrayList<>();
        rows.forEach((k, cells) -> {
            boolean real = cells.values().stream().anyMatch(t -> !t.status().acceptable());
            (!diverges(cells.values()) ? same : real ? order : known).add(k);
        });
        order.addAll(known);
        divergent = order.size();
        order.addAll(same);
    }

    /** How many rows the runtimes disagree on. */
    int divergent() {
        return divergent;
    }

    /**
     * Runtimes disagree when their verdicts differ among those that ran the test. A known failure (xfail) is
     * still the failure it records, and a stale one (xpass) still a pass: a recorded bug is not parity.
     */
    static boolean diverges(Collection<TestResult> cells) {
        return cells.stream()
                        .map(TestResult::status)
                        .filter(s -> s != TestStatus.SKIPPED && s != TestStatus.INTERRUPTED)
                        .map(s -> switch (s) {
                            case XFAIL -> TestStatus.FAILED;
                            case XPASS -> TestStatus.PASSED;
                            default -> s;
                        })
                        .distinct()
                        .count()
                > 1;
    }

    void render(StringBuilder h, Set<String> runtimes) {
        h.append("<h2 id=\"parity\">Parity across runtimes</h2><p class=\"note\">Each plugin, model and test in"
                        + " every runtime. ")
                .append(divergent)
                .append(divergent == 1 ? " row diverges" : " rows diverge")
                .append(" (runtimes disagree) and ")
                .append(divergent == 1 ? "comes" : "come")
                .append(" first. Expand a cell for its error.</p>\n")
                .append("<input type=\"checkbox\" id=\"hide-ok\" class=\"toggle\"><label for=\"hide-ok\">Hide rows"
                        + " that passed everywhere</label>\n")
                .append("<div class=\"scroll\"><table id=\"parity-table\""
                        + " class=\"parity\"><thead><tr><th>Plugin</th><th>Model</th><th>Test</th>");
        for (String rt : runtimes) h.append("<th>").append(esc(rt)).append("</th>");
        h.append("</tr></thead><tbody>\n");
        for (int i = 0; i < order.size(); i++) {
            Key k = order.get(i);
            Map<String, TestResult> cells = rows.get(k);
            boolean allOk = cells.values().stream().allMatch(TestResult::passed);
            // A plugin or model that repeats the row above is dimmed, so each group's start stands out.
            Key prev = i == 0 || i == divergent ? null : order.get(i - 1);
            boolean samePlugin = prev != null && Objects.equals(prev.plugin(), k.plugin());
            boolean sameModel = samePlugin && Objects.equals(prev.model(), k.model());
            h.append("<tr class=\"")
                    .append(i < divergent ? "divergent" : allOk ? "all-ok" : "same")
                    .append("\"><td")
                    .append(samePlugin ? " class=\"rep\">" : ">")
                    .append(esc(k.plugin()))
                    .append("</td><td")
                    .append(sameModel ? " class=\"rep\">" : ">")
                    .append("<code>")
                    .append(esc(k.model()))
                    .append("</code></td><td>")
                    .append(esc(k.test()))
                    .append(i < divergent ? "<span class=\"badge\">≠ diverges</span>" : "")
                    .append("</td>");
            for (String rt : runtimes) cell(h, rt, cells.get(rt));
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
    }

    /** A parity cell: the verdict in words and symbol, the error behind a disclosure and on hover. */
    private static void cell(StringBuilder h, String runtime, TestResult t) {
        if (t == null) {
            h.append("<td class=\"st s-none\" data-runtime=\"")
                    .append(esc(runtime))
                    .append("\" data-status=\"\" title=\"not in this runtime\">—</td>");
            return;
        }
        String status = t.status().label(), error = t.error();
        Look l = HtmlTheme.look(status);
        h.append("<td class=\"st %s\" data-runtime=\"%s\" data-status=\"%s\" title=\"%s\">"
                .formatted(
                        HtmlTheme.cls(status),
                        esc(runtime),
                        esc(status),
                        esc(error == null ? l.meaning() : shorten(error))));
        String summary = "<span class=\"sym\">" + l.symbol() + "</span>" + esc(l.label()) + latency(t) + flaky(t);
        if (error == null || error.isEmpty()) h.append(summary);
        else
            h.append("<details><summary>")
                    .append(summary)
                    .append("</summary><pre>")
                    .append(esc(error))
                    .append("</pre></details>");
        h.append("</td>");
    }

    private static String latency(TestResult t) {
        return t.latencyMs() != null ? "<span class=\"ms\">" + esc(Durations.format(t.latencyMs())) + "</span>" : "";
    }

    private static String flaky(TestResult t) {
        return t.flaky()
                ? "<span class=\"flaky\" title=\"passed after " + t.attempts() + " attempts\">flaky</span>"
                : "";
    }

    private static Key key(TestResult t) {
        return new Key(t.plugin(), t.model(), t.test());
    }
}
