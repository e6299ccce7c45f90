package conform.report;

import static conform.report.HtmlReport.esc;

import java.util.List;

/**
 * The HTML report's notice, under its header, that runs used local sources instead of the published packages: the
 * package, the directory and its git state, and the runs, so that nobody reads a local build's verdicts as the
 * published package's. No notice when every run used the published packages.
 */
final class HtmlLocalSources {

    private HtmlLocalSources() {}

    static void render(StringBuilder h, List<LocalSourceUse> uses) {
        if (uses.isEmpty()) return;
        h.append("<section class=\"local-sources\"><h2 id=\"local-sources\">Local sources</h2><p class=\"note\">These"
                + " runs used local sources, not the published packages:</p><ul>\n");
        for (LocalSourceUse use : uses)
            for (String line : use.lines())
                h.append("<li><code>").append(esc(line)).append("</code></li>\n");
        h.append("</ul></section>\n");
    }
}
