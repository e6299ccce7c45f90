package conform.plan;

import conform.config.ConformConfig;
import conform.config.RuntimeConfig;
import conform.spec.SpecFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What is on disk for each configured runtime: its spec files and the plugins that have an entry. */
public record Inventory(Map<String, Map<String, Path>> specsByRuntime, Map<String, List<String>> entriesByRuntime) {

    public static Inventory scan(ConformConfig config) {
        Map<String, Map<String, Path>> specs = new LinkedHashMap<>();
        Map<String, List<String>> entries = new LinkedHashMap<>();
        for (RuntimeConfig rt : config.runtimes().values()) {
            specs.put(rt.name(), SpecFiles.find(rt.specsDir()));
            entries.put(rt.name(), rt.pluginsWithEntries());
        }
        return new Inventory(specs, entries);
    }

    /** Every plugin that has a spec in some runtime's specs directory, sorted. */
    public Set<String> pluginsWithSpecs() {
        Set<String> all = new TreeSet<>();
        specsByRuntime.values().forEach(m -> all.addAll(m.keySet()));
        return all;
    }

    public Path specFile(String runtime, String plugin) {
        return specsByRuntime.getOrDefault(runtime, Map.of()).get(plugin);
    }

    /** The first runtime's spec file for a plugin, in config order: what {@code list} shows. */
    public Path anySpecFile(String plugin) {
        return specsByRuntime.values().stream()
                .map(m -> m.get(plugin))
                .filter(p -> p != null)
                .findFirst()
                .orElse(null);
    }

    public boolean hasEntry(String runtime, String plugin) {
        return entriesByRuntime.getOrDefault(runtime, List.of()).contains(plugin);
    }
}
