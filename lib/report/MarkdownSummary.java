package conform.report;

import conform.runner.RunResult;
import conform.runner.RunStatus;
import conform.runner.TestResult;
import conform.runner.TestStatus;
import conform.runner.VerdictComparison;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A Markdown summary of a run: for a PR comment, or $GITHUB_STEP_SUMMARY. */
public final class MarkdownSummary {

    public static final String FILE_NAME = "summary.md";
    private static final int MAX_FAILED_ROWS = 50;

    private MarkdownSummary() {}

    public static String render(ResultsDocument results) {
        Map<String, Long> totals = results.totals();
        StringBuilder md = new StringBuilder("## conform: model conformance\n\n");
        md.append(String.format(
                Locale.ROOT,
                "**%d passed**, %d failed, %d error, %d timeout, %d known failure(s), %d stale, %d skipped, %d flaky —"
                        + " %s wall time\n\n",
                totals.get("passed"),
                totals.get("failed"),
                totals.get("error"),
                totals.get("timeout"),
                totals.get("xfail"),
                totals.get("xpass"),
                totals.get("skipped"),
                totals.get("flaky"),
                Durations.format(results.wallMs())));
        List<LocalSourceUse> local = LocalSourceUse.of(results.runs());
        if (!local.isEmpty()) {
            md.append("**Local sources** (not the published packages):\n\n");
            local.forEach(use ->
                    use.lines().forEach(line -> md.append("- ").append(line).append('\n')));
            md.append('\n');
        }
        md.append("| | Plugin | Runtime | Result | Passed | Time | Details |\n|---|---|---|---|---|---|---|\n");
        for (RunResult run : results.runs()) {
            long known = run.count(TestStatus.XFAIL);
            String details = run.reason() != null ? run.reason() : known > 0 ? known + " known failure(s)" : "";
            String passed = run.count(TestStatus.PASSED) + "/" + run.testCount();
            String time = run.status() == RunStatus.SKIPPED ? "—" : Durations.format(run.elapsedMs());
            md.append(row(
                    icon(run.status()),
                    cell(run.plugin()),
                    cell(run.runtime() + (run.sources().isEmpty() ? "" : " (local sources)")),
                    run.status().name(),
                    passed,
                    time,
                    cell(details)));
        }
        List<TestResult> failed = results.failures();
        if (!failed.isEmpty()) {
            md.append("\n"
                    + "### Failed tests\n\n"
                    + "| Plugin | Runtime | Model | Test | Status | Error |\n"
                    + "|---|---|---|---|---|---|\n");
            for (TestResult t : failed.subList(0, Math.min(failed.size(), MAX_FAILED_ROWS))) {
                md.append(row(
                        cell(t.plugin()),
                        cell(t.runtime()),
                        cell(t.model()),
                        cell(t.test()),
                        t.status().label(),
                        cell(t.error() == null ? "" : t.error())));
            }
            if (failed.size() > MAX_FAILED_ROWS)
                md.append("\n…and ").append(failed.size() - MAX_FAILED_ROWS).append(" more in results.json\n");
        }
        if (results.comparison() != null) comparison(md, results.comparison());
        return md.toString();
    }

    /** --runner both: how far the canonical tool agrees, and every disagreement no documented choice explains. */
    private static void comparison(StringBuilder md, VerdictComparison comparison) {
        md.append(String.format(
                Locale.ROOT,
                "\n### Verdict comparison with %s\n\n%d test(s) judged by both, %d disagreement(s), %d unexplained\n",
                comparison.runner().title,
                comparison.compared(),
                comparison.disagreements().size(),
                comparison.unexplained()));
        if (comparison.unexplained() == 0) return;
        md.append("\n| Plugin | Runtime | Model | Test | conform | ")
                .append(comparison.runner().title)
                .append(" |\n|---|---|---|---|---|---|\n");
        for (VerdictComparison.Disagreement d : comparison.disagreements()) {
            if (d.explained()) continue;
            md.append(row(
                    cell(d.plugin()),
                    cell(d.runtime()),
                    cell(d.model()),
                    cell(d.test()),
                    cell(d.own().toString()),
                    cell(d.canonical().toString())));
        }
    }

    private static String icon(RunStatus status) {
        return switch (status) {
            case PASSED -> "✅";
            case FAILED -> "❌";
            case ERROR -> "⚠️";
            case SKIPPED -> "⏭️";
            case XFAIL -> "⚪";
            case INTERRUPTED -> "⏹️";
        };
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    /** A table cell: one line, pipes escaped, short. */
    static String cell(String text) {
        String line = text.strip().lines().findFirst().orElse("").replace("|", "\\|");
        return line.length() > 160 ? line.substring(0, 159) + "…" : line;
    }
}
