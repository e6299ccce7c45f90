package conform.report;

import conform.models.ModelInventory;
import conform.runner.TestResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything rendered from a {@link ResultsDocument}: junit.xml, summary.md and report.html beside it, the summary appended to
 * $GITHUB_STEP_SUMMARY when set, and {@code ::error} annotations when running under GitHub Actions.
 */
public final class Reports {

    private Reports() {}

    /**
     * Writes the reports into {@code dir} and returns their paths.
     *
     * @param inventory the model inventory of the plugins that ran, a section of report.html (or null)
     */
    public static List<Path> write(Path dir, ResultsDocument results, ModelInventory inventory, Map<String, String> env)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(Files.writeString(dir.resolve(JunitXml.FILE_NAME), JunitXml.render(results)));
        String markdown = MarkdownSummary.render(results);
        written.add(Files.writeString(dir.resolve(MarkdownSummary.FILE_NAME), markdown));
        written.add(Files.writeString(dir.resolve(HtmlReport.FILE_NAME), HtmlReport.render(results, dir, inventory)));
        String stepSummary = env.get("GITHUB_STEP_SUMMARY");
        if (stepSummary != null && !stepSummary.isBlank()) {
            Files.writeString(
                    Path.of(stepSummary),
                    markdown + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return written;
    }

    /** GitHub Actions workflow commands, one per test that did not pass; empty outside GitHub Actions. */
    public static List<String> annotations(ResultsDocument results, Map<String, String> env) {
        List<String> lines = new ArrayList<>();
        if (!"true".equals(env.get("GITHUB_ACTIONS"))) return lines;
        for (TestResult t : results.failures()) {
            lines.add("::error title="
                    + escape(
                            "conform: " + t.plugin() + " (" + t.runtime() + ") "
                                    + t.status().label(),
                            true) + "::"
                    + escape(t.model() + " · " + t.test() + ": " + (t.error() == null ? "" : t.error()), false));
        }
        return lines;
    }

    /** GitHub's escaping for workflow commands: %, CR and LF always; also : and , in properties. */
    static String escape(String text, boolean property) {
        String out = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
        return property ? out.replace(":", "%3A").replace(",", "%2C") : out;
    }
}
