package conform.console;

import conform.packages.Coverage;
import conform.packages.Coverage.Gap;
import conform.packages.PluginPackage;
import conform.packages.PluginsDirScan;
import conform.plan.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What check-plugin says about a runtime's plugins directory: its model plugins, each with its entries and spec, the
 * packages that are not model plugins and those left out; with {@code -v}, why each package counts or does not.
 */
public final class PluginsDirView {

    private PluginsDirView() {}

    public static List<String> render(
            PluginsDirScan scan, List<Coverage> coverage, Inventory inventory, Style style, boolean verbose) {
        String runtime = scan.runtime().name();
        int packages =
                scan.models().size() + scan.others().size() + scan.ignored().size();
        List<String> lines = new ArrayList<>();
        lines.add(style.bold("Model plugins in " + runtime + "'s plugins directory") + " " + scan.dir() + " ("
                + scan.models().size() + " of " + packages + " package(s))");
        Table table = new Table("Plugin", "Package", "Folder", "Entry", "Spec");
        for (Coverage c : coverage) {
            boolean specs = c.plugins().stream().allMatch(p -> inventory.specFile(runtime, p) != null);
            boolean elsewhere = c.gaps().stream().anyMatch(g -> g.kind() == Gap.Kind.ENTRY_IMPORTS_ANOTHER_PACKAGE);
            table.row(
                    String.join(", ", c.plugins()),
                    c.pkg().label(),
                    c.pkg().folder(),
                    !c.entries().isEmpty() ? style.green("✓") : style.red(elsewhere ? "tests another package" : "none"),
                    specs ? style.green("✓") : style.red("none"));
        }
        if (table.size() > 0) lines.addAll(table.render(style));
        if (!scan.others().isEmpty())
            lines.add("  "
                    + style.dim("Not model plugins (" + scan.others().size() + "): " + folders(scan.others())
                            + " · additional-model-plugins names one the rule misses"));
        if (!scan.ignored().isEmpty())
            lines.add("  " + style.dim("Ignored (" + scan.ignored().size() + "): " + folders(scan.ignored())));
        if (verbose) lines.addAll(reasons(scan));
        return lines;
    }

    /** Why each package is a model plugin or not: the line that defines a model, or what rules it out. */
    private static List<String> reasons(PluginsDirScan scan) {
        List<String> lines = new ArrayList<>();
        lines.add("  Why:");
        for (PluginPackage p : scan.models()) {
            lines.add("    " + p.folder() + ": "
                    + (p.modelPluginByRule() ? p.evidence().describe(p.dir()) : "named in additional-model-plugins"));
        }
        for (PluginPackage p : scan.others()) {
            lines.add("    " + p.folder() + ": not a model plugin, "
                    + (p.excluded() != null ? p.excluded() : "its sources define no model with Genkit's API"));
        }
        for (PluginPackage p : scan.ignored()) lines.add("    " + p.folder() + ": named in ignore-plugins");
        return lines;
    }

    /**
     * Each model plugin's gaps as a line of check-plugin's problems; {@code newEntry} is the command that writes an
     * entry, suggested when the plugin has a spec.
     */
    public static List<String> problems(String runtime, List<Coverage> coverage, Inventory inventory, String newEntry) {
        List<String> problems = new ArrayList<>();
        for (Coverage c : coverage) {
            if (c.gaps().isEmpty()) continue;
            PluginPackage p = c.pkg();
            String plugin = c.plugins().get(0);
            String head = plugin + " (" + runtime + "): ";
            List<String> missing = new ArrayList<>();
            for (Gap gap : c.gaps()) {
                switch (gap.kind()) {
                    case NO_SPEC -> missing.add("no spec (expected " + gap.expected() + ")");
                    case NO_ENTRY -> missing.add("no entry (expected " + gap.expected() + ")");
                    case ENTRY_IMPORTS_ANOTHER_PACKAGE ->
                        problems.add(head + "its entry " + gap.expected() + " imports none of " + modules(p)
                                + ", so it does not test " + p.dir());
                }
            }
            if (missing.isEmpty()) continue;
            boolean specified = inventory.specFile(runtime, plugin) != null;
            problems.add(head + p.label() + " in " + p.dir() + (specified ? " has " : " defines models and has ")
                    + String.join(" and ", missing)
                    + (specified ? "; `" + newEntry + " " + plugin + " --runtime " + runtime + "` writes one" : ""));
        }
        return problems;
    }

    private static String modules(PluginPackage p) {
        return p.modules().isEmpty() ? p.label() : String.join(", ", p.modules());
    }

    private static String folders(List<PluginPackage> packages) {
        return packages.stream().map(PluginPackage::folder).collect(Collectors.joining(", "));
    }
}
