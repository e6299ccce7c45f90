package conform.packages;

import conform.config.RuntimeConfig;
import conform.plan.Inventory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model plugin of a plugins directory held against what conform has for it in that runtime: the entries that
 * import it, and the plugins (specs) they are; when no entry imports it, the plugin its name matches.
 *
 * @param pkg     the package
 * @param plugins the plugins conform knows it as: the entries' names, or the one its name matches or would make
 * @param entries the entries of the runtime that import it
 * @param gaps    what is missing for it when no entry imports it: a spec, an entry (an entry's own missing spec is
 *                the entries' lint)
 */
public record Coverage(PluginPackage pkg, List<String> plugins, List<String> entries, List<Gap> gaps) {

    /** Something a model plugin lacks in one runtime. */
    public record Gap(Kind kind, String plugin, Path expected) {

        public enum Kind {
            /** The plugin has no spec; {@code expected} is where one would be. */
            NO_SPEC,
            /** No entry of the runtime imports the package; {@code expected} is where an entry would be. */
            NO_ENTRY,
            /** The entry named like the package ({@code expected}) imports none of its modules: it tests another. */
            ENTRY_IMPORTS_ANOTHER_PACKAGE
        }
    }

    /** Each model plugin of {@code scan}, held against {@code inventory}'s specs and entries of its runtime. */
    public static List<Coverage> of(PluginsDirScan scan, Inventory inventory) {
        RuntimeConfig rt = scan.runtime();
        Map<String, Set<String>> importsByEntry = new LinkedHashMap<>();
        for (String plugin : inventory.entriesByRuntime().getOrDefault(rt.name(), List.of()))
            importsByEntry.put(plugin, scan.reader().imports(rt.entryPath(plugin)));
        Set<String> specs =
                inventory.specsByRuntime().getOrDefault(rt.name(), Map.of()).keySet();
        List<Coverage> out = new ArrayList<>();
        for (PluginPackage pkg : scan.models()) {
            List<String> entries = importsByEntry.entrySet().stream()
                    .filter(e -> pkg.importedBy(e.getValue()))
                    .map(Map.Entry::getKey)
                    .toList();
            List<String> plugins = entries.isEmpty() ? List.of(matchingName(pkg, specs)) : entries;
            List<Gap> gaps = new ArrayList<>();
            if (entries.isEmpty()) {
                String plugin = plugins.get(0);
                if (!specs.contains(plugin))
                    gaps.add(new Gap(Gap.Kind.NO_SPEC, plugin, rt.specsDir().resolve(plugin + ".yaml")));
                Gap.Kind kind =
                        importsByEntry.containsKey(plugin) ? Gap.Kind.ENTRY_IMPORTS_ANOTHER_PACKAGE : Gap.Kind.NO_ENTRY;
                gaps.add(new Gap(kind, plugin, rt.entryPath(plugin)));
            }
            out.add(new Coverage(pkg, plugins, entries, List.copyOf(gaps)));
        }
        return List.copyOf(out);
    }

    /**
     * The plugin a package is when no entry imports it: the first of its names that has a spec, as written or with
     * '-' ignored ({@code googlegenai} is google-genai), else its folder's name.
     */
    private static String matchingName(PluginPackage pkg, Set<String> specs) {
        for (String name : pkg.names()) if (specs.contains(name)) return name;
        for (String name : pkg.names()) {
            for (String spec : specs) if (spec.replace("-", "").equals(name.replace("-", ""))) return spec;
        }
        return pkg.names().get(0);
    }
}
