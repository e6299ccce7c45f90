package conform.console;

import conform.models.Finding;
import conform.models.ModelInventory;
import conform.models.ModelListing;
import conform.models.ModelRecord;
import conform.models.ModelRow;
import conform.models.ModelRow.FieldDifference;
import conform.models.PluginModels;
import conform.models.Registration;
import conform.models.Supports;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * `conform models` on the terminal: per plugin, a models × runtimes matrix with the models that differ between
 * runtimes first (each differing capability field on a line of its own), then what the inventory says about the
 * spec: stale suites, untested models and the capability gaps between metadata and tests. With -v, the models that
 * are the same everywhere are listed too.
 */
public final class ModelsView {

    private static final int WRAP = 110;

    private ModelsView() {}

    public static List<String> render(ModelInventory inventory, boolean verbose, Style style) {
        List<String> lines = new ArrayList<>();
        for (PluginModels plugin : inventory.plugins()) {
            if (!lines.isEmpty()) lines.add("");
            plugin(lines, plugin, verbose, style);
        }
        lines.add("");
        inventory
                .sources()
                .forEach(source -> lines.add(style.dim("  " + source.description() + ": " + source.meaning())));
        List<String> local = SourcesView.render(inventory.localSources(), style);
        if (!local.isEmpty()) lines.add("");
        lines.addAll(local);
        lines.add(summary(inventory, style));
        return lines;
    }

    /** One line: how many plugins and runtimes were listed, how many models differ, how many suites are stale. */
    public static String summary(ModelInventory inventory, Style style) {
        long listed =
                inventory.plugins().stream().mapToLong(p -> p.runtimes().size()).sum();
        long differ = inventory.plugins().stream()
                .mapToLong(p -> p.differences().size())
                .sum();
        int stale = inventory.stale().size();
        String text = String.format(
                Locale.ROOT,
                "  %d plugin(s) · %d runtime listing(s) · %d model(s) differ between runtimes · %d stale suite(s)",
                inventory.plugins().size(),
                listed,
                differ,
                stale);
        return stale > 0 ? style.yellow(text) : text;
    }

    private static void plugin(List<String> lines, PluginModels plugin, boolean verbose, Style style) {
        lines.add(style.bold(plugin.plugin())
                + (plugin.spec() == null ? style.dim("  · no spec") : style.dim("  · spec " + plugin.spec())));
        int width = plugin.listings().stream()
                .mapToInt(l -> l.runtime().length())
                .max()
                .orElse(0);
        for (ModelListing l : plugin.listings()) lines.add("  " + listingLine(l, width, style));
        List<String> runtimes = plugin.runtimes();
        if (runtimes.isEmpty()) return;
        List<ModelRow> differing = plugin.differences();
        List<ModelRow> same = plugin.same();
        if (!differing.isEmpty()) {
            lines.add("");
            lines.add("  " + style.bold("Differences between runtimes") + style.dim(" (" + differing.size() + ")"));
            lines.addAll(matrix(differing, runtimes, true, style));
        }
        if (!same.isEmpty()) {
            lines.add("");
            lines.add("  " + style.bold("The same in every runtime") + style.dim(" (" + same.size() + ")"));
            if (verbose) lines.addAll(matrix(same, runtimes, false, style));
            else wrapped(lines, "    ", same.stream().map(r -> mark(r, style)).toList());
        }
        findings(lines, plugin, style);
    }

    private static String listingLine(ModelListing l, int width, Style style) {
        String head = style.cyan(l.runtime()) + " ".repeat(width - l.runtime().length());
        return switch (l.status()) {
            case LISTED ->
                head + "  "
                        + l.models().stream()
                                .filter(m -> m.registration() == Registration.LISTED)
                                .count()
                        + " model(s) listed" + onCall(l)
                        + style.dim(" · " + l.source().description());
            case SKIPPED -> head + "  " + style.yellow("SKIPPED") + " " + l.reason();
            case ERROR -> head + "  " + style.error("ERROR") + " " + l.reason();
        };
    }

    private static String onCall(ModelListing l) {
        long n = l.models().stream()
                .filter(m -> m.registration() == Registration.ON_CALL)
                .count();
        return n == 0 ? "" : ", " + n + " more registered on call";
    }

    private static List<String> matrix(List<ModelRow> rows, List<String> runtimes, boolean details, Style style) {
        List<String> headers = new ArrayList<>(List.of("Model"));
        headers.addAll(runtimes);
        Table table = new Table(headers.toArray(String[]::new));
        for (ModelRow row : rows) {
            List<String> cells = new ArrayList<>(List.of(mark(row, style)));
            for (String runtime : runtimes) cells.add(cell(row.cells().get(runtime), style));
            table.row(cells.toArray(String[]::new));
            if (!details) continue;
            for (FieldDifference d : row.fieldDifferences()) {
                List<String> values = new ArrayList<>(List.of(style.dim("    " + d.field())));
                for (String runtime : runtimes)
                    values.add(
                            d.values().containsKey(runtime)
                                    ? Supports.display(d.values().get(runtime))
                                    : "");
                table.row(values.toArray(String[]::new));
            }
        }
        return table.render(style).stream().map(l -> "  " + l).toList();
    }

    /** A model's name; one no suite tests is marked with a dim "untested". */
    private static String mark(ModelRow row, Style style) {
        return row.tested() ? row.model() : row.model() + style.dim(" (untested)");
    }

    private static String cell(ModelRecord record, Style style) {
        if (record == null) return style.dim("—");
        return record.registration() == Registration.LISTED
                ? style.green(record.registration().label())
                : style.yellow(record.registration().label());
    }

    private static void findings(List<String> lines, PluginModels plugin, Style style) {
        if (plugin.spec() == null) return;
        lines.add("");
        lines.add("  " + style.bold("Against the spec"));
        int before = lines.size();
        for (Finding f : plugin.findings()) {
            String kind = f.kind() == Finding.Kind.DECLARED_NOT_TESTED
                    ? style.cyan(f.kind().label())
                    : style.yellow(f.kind().label());
            lines.add("    " + kind + "  " + f.model() + ": " + f.text());
        }
        List<String> untested = plugin.untested();
        if (!untested.isEmpty()) {
            lines.add("    " + style.cyan("untested") + "  " + untested.size() + " listed model(s) have no suite:");
            wrapped(lines, "      ", untested);
        }
        if (lines.size() == before)
            lines.add("    " + style.green("✓") + " every suite's model is listed, and tests" + " and metadata agree");
    }

    private static void wrapped(List<String> lines, String indent, List<String> words) {
        StringBuilder line = new StringBuilder(indent);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i) + (i < words.size() - 1 ? "," : "");
            if (line.length() > indent.length()
                    && Style.visibleLength(line.toString()) + 1 + Style.visibleLength(word) > WRAP) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) line.append(' ');
            line.append(word);
        }
        if (line.length() > indent.length()) lines.add(line.toString());
    }
}
