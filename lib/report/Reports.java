package conform.report;

import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.SourceLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything rendered from results.json: junit.xml, summary.md and report.html beside it, the summary appended to
 * $GITHUB_STEP_SUMMARY when set, and {@code ::error} annotations when running under GitHub Actions.
 */
public final class Reports {

    private Reports() {}

    /** Reads a results.json written by conform; a missing or broken file is a usage error naming it. */
    public static JsonNode read(Path file) {
        try {
            JsonNode node = new ObjectMapper().readTree(file.toFile());
            if (node == null || !node.has("results") || !node.has("runs")) {
                throw new ConformException(Diagnostic.error("E0015", file + " is not a conform results.json (no `results` and `runs`)")
                        .at(SourceLocation.of(file)).hint("pass the results.json that check-model --report-dir wrote"));
            }
            return node;
        } catch (IOException e) {
            throw new ConformException(Diagnostic.error("E0015", "cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""))
                    .at(SourceLocation.of(file)).hint("pass the results.json that check-model --report-dir wrote"));
        }
    }

    /** Writes the reports into {@code dir} and returns their paths. */
    public static List<Path> write(Path dir, JsonNode results, Map<String, String> env) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(Files.writeString(dir.resolve(JunitXml.FILE_NAME), JunitXml.render(results)));
        String markdown = MarkdownSummary.render(results);
        written.add(Files.writeString(dir.resolve(MarkdownSummary.FILE_NAME), markdown));
        written.add(Files.writeString(dir.resolve(HtmlReport.FILE_NAME), HtmlReport.render(results)));
        String stepSummary = env.get("GITHUB_STEP_SUMMARY");
        if (stepSummary != null && !stepSummary.isBlank()) {
            Files.writeString(Path.of(stepSummary), markdown + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return written;
    }

    /** GitHub Actions workflow commands, one per test that did not pass; empty outside GitHub Actions. */
    public static List<String> annotations(JsonNode results, Map<String, String> env) {
        List<String> lines = new ArrayList<>();
        if (!"true".equals(env.get("GITHUB_ACTIONS"))) return lines;
        for (JsonNode r : results.path("results")) {
            String status = r.path("status").asText();
            if (!List.of("failed", "error", "timeout", "xpass").contains(status)) continue;
            lines.add("::error title=" + escape("conform: " + r.path("plugin").asText() + " (" + r.path("runtime").asText() + ") " + status, true)
                    + "::" + escape(r.path("model").asText() + " · " + r.path("test").asText() + ": " + r.path("error").asText(""), false));
        }
        return lines;
    }

    /** GitHub's escaping for workflow commands: %, CR and LF always; also : and , in properties. */
    static String escape(String text, boolean property) {
        String out = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
        return property ? out.replace(":", "%3A").replace(",", "%2C") : out;
    }
}
