package conform.report;

import static conform.report.HtmlText.esc;

import conform.runtime.SourceRevision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HTML report's notice, under its header, that runs used local sources instead of the published packages: the
 * package, the directory and its git state, and the runs, so that nobody reads a local build's verdicts as the
 * published package's. No notice when every run used the published packages.
 */
final class HtmlLocalSources {

    private HtmlLocalSources() {}

    /** The notice over results: each source with the runs that used it. */
    static void render(StringBuilder h, List<LocalSourceUse> uses) {
        render(h, uses.stream().flatMap(use -> use.lines().stream()).toList(), "runs");
    }

    /** The notice over a model inventory: each source of the runtimes listed with it. */
    static void render(StringBuilder h, Map<String, List<SourceRevision>> byRuntime) {
        List<String> lines = new ArrayList<>();
        byRuntime.forEach((runtime, sources) -> sources.forEach(s -> lines.add(runtime + ": " + s.describe())));
        render(h, lines, "runtimes");
    }

    private static void render(StringBuilder h, List<String> lines, String what) {
        if (lines.isEmpty()) return;
        h.append("<section class=\"local-sources\"><h2 id=\"local-sources\">Local sources</h2><p class=\"note\">These ")
                .append(what)
                .append(" used local sources, not the published packages:</p><ul>\n");
        for (String line : lines) h.append("<li><code>").append(esc(line)).append("</code></li>\n");
        h.append("</ul></section>\n");
    }
}
