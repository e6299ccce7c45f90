package conform.report;

import static conform.report.HtmlText.esc;

import conform.models.Finding;
import conform.models.ModelInventory;
import conform.models.ModelListing;
import conform.models.ModelRecord;
import conform.models.ModelRow;
import conform.models.PluginModels;
import conform.models.Registration;
import conform.models.Supports;
import java.util.List;

/**
 * The model inventory as an HTML section, the same findings as the console in the same order: per plugin, what each
 * runtime listed, the models that differ between runtimes (each differing capability field with its value in every
 * runtime), the models that are the same everywhere (folded), then what it says about the spec.
 */
final class HtmlModels {

    private HtmlModels() {}

    static void render(StringBuilder h, ModelInventory inventory) {
        h.append("<h2 id=\"models\">Models</h2><p class=\"note\">What each plugin registers in each runtime (listed by"
            + " the runtime, or registered only when called), differences between runtimes first, and what that says"
            + " about the spec. Generated ")
                .append(esc(inventory.generatedAt()))
                .append(".</p>\n");
        for (ModelListing.Source source : inventory.sources())
            h.append("<p class=\"note\">")
                    .append(esc(source.description() + ": " + source.meaning()))
                    .append("</p>\n");
        for (PluginModels plugin : inventory.plugins()) plugin(h, plugin);
    }

    private static void plugin(StringBuilder h, PluginModels plugin) {
        h.append("<h3 id=\"models-").append(esc(plugin.plugin())).append("\">").append(esc(plugin.plugin()));
        if (plugin.spec() != null)
            h.append(" <span class=\"note\">spec <code>")
                    .append(esc(plugin.spec()))
                    .append("</code></span>");
        h.append("</h3>\n<ul class=\"listings\">");
        for (ModelListing l : plugin.listings()) {
            h.append("<li><b>").append(esc(l.runtime())).append("</b> ");
            h.append(
                    switch (l.status()) {
                        case LISTED ->
                            l.models().size() + " model(s) · " + esc(l.source().description());
                        case SKIPPED -> "skipped: " + esc(l.reason());
                        case ERROR -> "<span class=\"m-error\">error: " + esc(l.reason()) + "</span>";
                    });
            h.append("</li>");
        }
        h.append("</ul>\n");
        List<String> runtimes = plugin.runtimes();
        if (runtimes.isEmpty()) return;
        List<ModelRow> differing = plugin.differences();
        List<ModelRow> same = plugin.same();
        if (!differing.isEmpty()) {
            h.append("<p><b>Differences between runtimes</b> (")
                    .append(differing.size())
                    .append(")</p>\n");
            table(h, differing, runtimes, true);
        }
        if (!same.isEmpty()) {
            h.append("<details><summary>The same in every runtime (")
                    .append(same.size())
                    .append(")</summary>\n");
            table(h, same, runtimes, false);
            h.append("</details>\n");
        }
        findings(h, plugin);
    }

    private static void table(StringBuilder h, List<ModelRow> rows, List<String> runtimes, boolean details) {
        h.append("<div class=\"scroll fit\"><table class=\"models\"><thead><tr><th>Model</th>");
        runtimes.forEach(r -> h.append("<th>").append(esc(r)).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        for (ModelRow row : rows) {
            h.append("<tr><th class=\"row\"><code>").append(esc(row.model())).append("</code>");
            if (!row.tested()) h.append(" <span class=\"note\">untested</span>");
            h.append("</th>");
            for (String runtime : runtimes) cell(h, row.cells().get(runtime));
            h.append("</tr>\n");
            if (!details) continue;
            for (ModelRow.FieldDifference d : row.fieldDifferences()) {
                h.append("<tr class=\"field\"><td>").append(esc(d.field())).append("</td>");
                for (String runtime : runtimes)
                    h.append("<td>")
                            .append(
                                    d.values().containsKey(runtime)
                                            ? esc(Supports.display(d.values().get(runtime)))
                                            : "")
                            .append("</td>");
                h.append("</tr>\n");
            }
        }
        h.append("</tbody></table></div>\n");
    }

    private static void cell(StringBuilder h, ModelRecord record) {
        if (record == null) {
            h.append("<td class=\"m-none\" title=\"not registered\">—</td>");
            return;
        }
        String cls = record.registration() == Registration.LISTED ? "m-listed" : "m-call";
        String title = (record.label() == null ? "" : record.label())
                + (record.stage() == null ? "" : " · stage " + record.stage())
                + (record.versions().isEmpty() ? "" : " · versions " + String.join(", ", record.versions()));
        h.append("<td class=\"")
                .append(cls)
                .append("\" title=\"")
                .append(esc(title))
                .append("\">")
                .append(esc(record.registration().label()))
                .append("</td>");
    }

    private static void findings(StringBuilder h, PluginModels plugin) {
        if (plugin.spec() == null) return;
        h.append("<p><b>Against the spec</b></p><ul class=\"findings\">");
        List<Finding> findings = plugin.findings();
        for (Finding f : findings) {
            h.append("<li><span class=\"")
                    .append(
                            f.kind() == Finding.Kind.DECLARED_NOT_TESTED
                                    ? "m-listed"
                                    : f.kind() == Finding.Kind.STALE ? "m-error" : "m-call")
                    .append("\">")
                    .append(esc(f.kind().label()))
                    .append("</span> <code>")
                    .append(esc(f.model()))
                    .append("</code>: ")
                    .append(esc(f.text()))
                    .append("</li>");
        }
        List<String> untested = plugin.untested();
        if (!untested.isEmpty()) {
            h.append("<li><span class=\"m-listed\">untested</span> ")
                    .append(untested.size())
                    .append(" listed model(s) have no suite: ");
            for (int i = 0; i < untested.size(); i++)
                h.append(i == 0 ? "" : ", ")
                        .append("<code>")
                        .append(esc(untested.get(i)))
                        .append("</code>");
            h.append("</li>");
        }
        if (findings.isEmpty() && untested.isEmpty())
            h.append("<li>every suite's model is listed, and tests and metadata agree</li>");
        h.append("</ul>\n");
    }
}
