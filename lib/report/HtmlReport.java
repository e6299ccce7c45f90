package conform.report;

import conform.models.ModelInventory;
import conform.report.HtmlTheme.Look;
import conform.runner.RunResult;
import conform.runner.RunStatus;
import conform.runner.Runner;
import conform.runner.TestResult;
import conform.runner.TestStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The HTML report: one self-contained file rendered from the results alone, so it can be attached to a CI run
 * and opened anywhere. Parity across runtimes comes first (where the same plugin behaves differently in JS,
 * Python and Go), then a model × test matrix per runtime, then the plugin runs. No scripts and no external
 * assets; a Content-Security-Policy forbids both, so even a rendering bug cannot run what a model wrote.
 */
public final class HtmlReport {

    public static final String FILE_NAME = "report.html";

    /** One row of the parity table: the same plugin, model and test, run in each runtime. */
    record Key(String plugin, String model, String test) {}

    private HtmlReport() {}

    public static String render(ResultsDocument results) {
        return render(results, null, null);
    }

    /**
     * @param reportDir where the file will lie, so logs below it are linked relatively (null: absolute links)
     * @param inventory the model inventory of the plugins that ran, shown as a section of its own (or null)
     */
    public static String render(ResultsDocument results, Path reportDir, ModelInventory inventory) {
        List<TestResult> tests = results.results();
        List<RunResult> runs = results.runs();
        Set<String> present = new LinkedHashSet<>();
        runs.forEach(r -> present.add(r.runtime()));
        // Columns in the order the project names its runtimes, then any other runtime as it appears.
        Set<String> runtimes = new LinkedHashSet<>(List.of("js", "python", "go"));
        runtimes.retainAll(present);
        runtimes.addAll(present);
        Map<Key, Map<String, TestResult>> rows = new LinkedHashMap<>();
        for (TestResult t : tests)
            rows.computeIfAbsent(key(t), k -> new LinkedHashMap<>()).put(t.runtime(), t);
        // Divergences first, real failures before known ones, each group in results.json order (plugin runs, then the
        // spec's test order).
        List<Key> order = new ArrayList<>(), known = new ArrayList<>(), same = new ArrayList<>();
        rows.forEach((k, cells) -> {
            boolean real = cells.values().stream().anyMatch(t -> !t.status().acceptable());
            (!diverges(cells.values()) ? same : real ? order : known).add(k);
        });
        order.addAll(known);
        int divergent = order.size();
        order.addAll(same);

        StringBuilder h = open("conform report · " + results.startedAt());
        header(h, results, runtimes, divergent);
        HtmlLocalSources.render(h, LocalSourceUse.of(runs));
        HtmlFailures.render(h, results, reportDir);
        if (results.comparison() != null) HtmlComparison.render(h, results.comparison());
        parity(h, rows, order, divergent, runtimes);
        // One column order for every runtime's matrix, so the same test sits in the same place in each.
        List<String> columns = tests.stream().map(TestResult::test).distinct().toList();
        for (String runtime : runtimes) matrix(h, runtime, tests, columns);
        if (inventory != null) HtmlModels.render(h, inventory);
        runs(h, runs);
        return close(h);
    }

    /** A page of the model inventory alone (what `conform models --report-dir` writes). */
    public static String renderModels(ModelInventory inventory) {
        StringBuilder h = open("conform models · " + inventory.generatedAt());
        h.append("<header><div><h1>conform models</h1><p class=\"meta\">conform ")
                .append(esc(inventory.conform()))
                .append("</p></div></header>\n");
        HtmlLocalSources.render(h, inventory.localSources());
        HtmlModels.render(h, inventory);
        return close(h);
    }

    /** The page up to its content: no script may run and nothing may load from anywhere (data, viewed offline). */
    private static StringBuilder open(String title) {
        return new StringBuilder(64 * 1024)
                .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
                        + " 'unsafe-inline'; img-src data:\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>")
                .append(esc(title))
                .append("</title>")
                .append("<style>")
                .append(HtmlTheme.CSS)
                .append("</style></head><body><main>\n");
    }

    private static String close(StringBuilder h) {
        return h.append("</main></body></html>\n").toString();
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

    private static void header(StringBuilder h, ResultsDocument results, Set<String> runtimes, int divergent) {
        boolean bad = !results.passed();
        h.append("<header><div><h1>conform report</h1><p class=\"meta\">conform ")
                .append(esc(results.conform()))
                .append(" · started ")
                .append(esc(results.startedAt()))
                .append(" · wall time ")
                .append(esc(Durations.format(results.wallMs())))
                .append(" · ")
                .append(results.testCount())
                .append(" tests in ")
                .append(results.runs().size())
                .append(" runs · runtimes: ")
                .append(esc(String.join(", ", runtimes)))
                .append(runners(results))
                .append("</p></div><div class=\"verdict ")
                .append(bad ? "s-failed\">✗ run failed" : "s-passed\">✓ run passed" + onlyKnown(results))
                .append("</div></header>\n<div class=\"chips\">");
        results.totals().forEach((name, count) -> {
            Look l = HtmlTheme.look(name);
            boolean flaky = name.equals("flaky");
            h.append("<span class=\"chip ")
                    .append(flaky ? "" : HtmlTheme.cls(name))
                    .append(count == 0 ? " zero" : "")
                    .append("\">")
                    .append(flaky ? "~" : l.symbol())
                    .append(' ')
                    .append(esc(name))
                    .append(" <b>")
                    .append(count)
                    .append("</b></span>");
        });
        h.append("<span class=\"chip")
                .append(divergent == 0 ? " zero" : "")
                .append("\">≠ divergences <b>")
                .append(divergent)
                .append("</b></span></div>\n<div class=\"legend\"><strong>Legend</strong>");
        HtmlTheme.LOOKS.forEach((status, l) -> h.append("<span><span class=\"st ")
                .append(HtmlTheme.cls(status))
                .append("\">")
                .append(l.symbol())
                .append(' ')
                .append(l.label())
                .append("</span> ")
                .append(esc(l.meaning()))
                .append("</span>"));
        h.append("<span><span class=\"badge\">≠ diverges</span> runtimes disagree</span>")
                .append("<span><span class=\"flaky\">flaky</span> passed on a retry</span></div>\n"
                        + "<nav><a href=\"#failures\">Failures</a><a href=\"#parity\">Parity</a>");
        for (String rt : runtimes)
            h.append("<a href=\"#matrix-")
                    .append(esc(slug(rt)))
                    .append("\">")
                    .append(esc(rt))
                    .append(" matrix</a>");
        h.append("<a href=\"#runs\">Runs</a></nav>\n");
    }

    /** " · 2 runs are all known failures": a passing run whose plugins did not all work. */
    private static String onlyKnown(ResultsDocument results) {
        long n = results.runs().stream()
                .filter(r -> r.status() == RunStatus.XFAIL)
                .count();
        return n == 0 ? "" : " · " + n + (n == 1 ? " run is" : " runs are") + " all known failures";
    }

    private static void parity(
            StringBuilder h,
            Map<Key, Map<String, TestResult>> rows,
            List<Key> order,
            int divergent,
            Set<String> runtimes) {
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

    /** Per runtime: a row per plugin and model, a column per test, symbols only; the error shows on hover. */
    private static void matrix(StringBuilder h, String runtime, List<TestResult> tests, List<String> allColumns) {
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

    /** Who gave the verdicts, when it was not conform's own engine alone. */
    private static String runners(ResultsDocument results) {
        Set<Runner> runners = new LinkedHashSet<>();
        results.runs().forEach(r -> runners.add(r.runner()));
        if (results.comparison() != null) runners.add(results.comparison().runner());
        if (runners.equals(Set.of(Runner.CONFORM))) return "";
        return " · verdicts by "
                + esc(String.join(" and ", runners.stream().map(r -> r.title).toList()));
    }

    private static void runs(StringBuilder h, List<RunResult> runs) {
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

    private static String latency(TestResult t) {
        return t.latencyMs() != null ? "<span class=\"ms\">" + esc(Durations.format(t.latencyMs())) + "</span>" : "";
    }

    private static String flaky(TestResult t) {
        return t.flaky()
                ? "<span class=\"flaky\" title=\"passed after " + t.attempts() + " attempts\">flaky</span>"
                : "";
    }

    /** Text for HTML content and quoted attributes alike; control characters other than line breaks and tabs are dropped. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** A hover text stays readable; the whole error is one click away in the parity table. */
    private static String shorten(String s) {
        if (s.length() <= 600) return s;
        return s.substring(0, Character.isHighSurrogate(s.charAt(599)) ? 599 : 600) + " …";
    }

    /** Every built-in test is called "… Conformance": in a narrow column header the word only costs room. */
    private static String shortName(String test) {
        String s = test == null
                ? ""
                : test.replaceAll("(?i)\\s*\\bconformance\\b", "").strip();
        return s.isEmpty() ? String.valueOf(test) : s;
    }

    /** An anchor id from a runtime name: letters, digits and dashes only. */
    private static String slug(String s) {
        return s == null ? "" : s.replaceAll("[^A-Za-z0-9-]", "-");
    }

    private static Key key(TestResult t) {
        return new Key(t.plugin(), t.model(), t.test());
    }
}
