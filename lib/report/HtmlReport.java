package conform.report;

import static conform.report.HtmlText.esc;
import static conform.report.HtmlText.slug;

import conform.models.ModelInventory;
import conform.report.HtmlTheme.Look;
import conform.runner.RunResult;
import conform.runner.RunStatus;
import conform.runner.Runner;
import conform.runner.TestResult;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The HTML report: one self-contained file rendered from the results alone, so it can be attached to a CI run
 * and opened anywhere. Parity across runtimes comes first (where the same plugin behaves differently in JS,
 * Python and Go), then a model × test matrix per runtime, then the plugin runs. No scripts and no external
 * assets; a Content-Security-Policy forbids both, so even a rendering bug cannot run what a model wrote.
 */
public final class HtmlReport {

    public static final String FILE_NAME = "report.html";

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
        HtmlParity parity = new HtmlParity(tests);

        StringBuilder h = open("conform report · " + results.startedAt());
        header(h, results, runtimes, parity.divergent());
        HtmlLocalSources.render(h, LocalSourceUse.of(runs));
        HtmlFailures.render(h, results, reportDir);
        if (results.comparison() != null) HtmlComparison.render(h, results.comparison());
        parity.render(h, runtimes);
        // One column order for every runtime's matrix, so the same test sits in the same place in each.
        List<String> columns = tests.stream().map(TestResult::test).distinct().toList();
        for (String runtime : runtimes) HtmlMatrix.render(h, runtime, tests, columns);
        if (inventory != null) HtmlModels.render(h, inventory);
        HtmlRuns.render(h, runs);
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

    /** Who gave the verdicts, when it was not conform's own engine alone. */
    private static String runners(ResultsDocument results) {
        Set<Runner> runners = new LinkedHashSet<>();
        results.runs().forEach(r -> runners.add(r.runner()));
        if (results.comparison() != null) runners.add(results.comparison().runner());
        if (runners.equals(Set.of(Runner.CONFORM))) return "";
        return " · verdicts by "
                + esc(String.join(" and ", runners.stream().map(r -> r.title).toList()));
    }
}
