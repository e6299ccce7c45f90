package conform.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;

/** A Markdown summary of results.json: for a PR comment, or $GITHUB_STEP_SUMMARY. */
public final class MarkdownSummary {

    public static final String FILE_NAME = "summary.md";
    private static final int MAX_FAILED_ROWS = 50;
    private static final List<String> BAD = List.of("failed", "error", "timeout", "xpass");

    private MarkdownSummary() {}

    public static String render(JsonNode results) {
        JsonNode totals = results.path("totals");
        StringBuilder md = new StringBuilder("## conform: model conformance\n\n");
        md.append(String.format(Locale.ROOT, "**%d passed**, %d failed, %d error, %d timeout, %d known failure(s), %d stale, %d skipped, %d flaky — %s wall time\n\n",
                totals.path("passed").asLong(), totals.path("failed").asLong(), totals.path("error").asLong(), totals.path("timeout").asLong(),
                totals.path("xfail").asLong(), totals.path("xpass").asLong(), totals.path("skipped").asLong(), totals.path("flaky").asLong(),
                Durations.format(results.path("wall_ms").asLong())));
        md.append("| | Plugin | Runtime | Result | Passed | Time | Details |\n|---|---|---|---|---|---|---|\n");
        for (JsonNode run : results.path("runs")) {
            String status = run.path("status").asText();
            JsonNode counts = run.path("counts");
            String details = run.path("reason").isTextual() ? run.path("reason").asText()
                    : counts.path("xfail").asLong() > 0 ? counts.path("xfail").asLong() + " known failure(s)" : "";
            md.append("| ").append(icon(status)).append(" | ").append(cell(run.path("plugin").asText())).append(" | ")
                    .append(cell(run.path("runtime").asText())).append(" | ").append(status.toUpperCase(Locale.ROOT)).append(" | ")
                    .append(counts.path("passed").asLong()).append('/').append(run.path("tests").asLong()).append(" | ")
                    .append(status.equals("skipped") ? "—" : Durations.format(run.path("elapsed_ms").asLong())).append(" | ")
                    .append(cell(details)).append(" |\n");
        }
        List<JsonNode> failed = new java.util.ArrayList<>();
        results.path("results").forEach(r -> {
            if (BAD.contains(r.path("status").asText())) failed.add(r);
        });
        if (!failed.isEmpty()) {
            md.append("\n### Failed tests\n\n| Plugin | Runtime | Model | Test | Status | Error |\n|---|---|---|---|---|---|\n");
            for (JsonNode r : failed.subList(0, Math.min(failed.size(), MAX_FAILED_ROWS))) {
                md.append("| ").append(cell(r.path("plugin").asText())).append(" | ").append(cell(r.path("runtime").asText())).append(" | ")
                        .append(cell(r.path("model").asText())).append(" | ").append(cell(r.path("test").asText())).append(" | ")
                        .append(r.path("status").asText()).append(" | ").append(cell(r.path("error").asText(""))).append(" |\n");
            }
            if (failed.size() > MAX_FAILED_ROWS) md.append("\n…and ").append(failed.size() - MAX_FAILED_ROWS).append(" more in results.json\n");
        }
        return md.toString();
    }

    private static String icon(String status) {
        return switch (status) {
            case "passed" -> "✅";
            case "failed" -> "❌";
            case "error" -> "⚠️";
            default -> "⏭️";
        };
    }

    /** A table cell: one line, pipes escaped, short. */
    static String cell(String text) {
        String line = text.strip().lines().findFirst().orElse("").replace("|", "\\|");
        return line.length() > 160 ? line.substring(0, 159) + "…" : line;
    }
}
