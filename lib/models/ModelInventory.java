package conform.models;

import conform.runtime.SourceRevision;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What every selected plugin registers in every selected runtime, and what that says about the specs: the record
 * `conform models` prints and models.json holds.
 *
 * @param generatedAt  when the runtimes were listed (ISO-8601)
 * @param plugins      in plugin order
 * @param localSources per runtime listed with local sources instead of the published packages, those sources (no
 *                     runtime: none was)
 */
public record ModelInventory(
        String conform,
        String generatedAt,
        List<PluginModels> plugins,
        Map<String, List<SourceRevision>> localSources) {

    public ModelInventory {
        plugins = List.copyOf(plugins);
        localSources = Collections.unmodifiableMap(new LinkedHashMap<>(localSources));
    }

    /** The same inventory with every text a plugin or a failure wrote passed through {@code f} (the redactor). */
    public ModelInventory mapText(UnaryOperator<String> f) {
        return new ModelInventory(
                conform,
                generatedAt,
                plugins.stream()
                        .map(p -> new PluginModels(
                                p.plugin(),
                                p.spec(),
                                p.listings().stream().map(l -> l.mapText(f)).toList(),
                                p.suites()))
                        .toList(),
                localSources);
    }

    /** Every runtime that was to be listed was (none failed to start or to answer). */
    public boolean complete() {
        return plugins.stream()
                .flatMap(p -> p.listings().stream())
                .noneMatch(l -> l.status() == ModelListing.Status.ERROR);
    }

    /** The sources the runtimes were listed against, in order. */
    public List<ModelListing.Source> sources() {
        return plugins.stream()
                .flatMap(p -> p.listings().stream())
                .map(ModelListing::source)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
    }

    /** Every stale suite, as plugin: model. */
    public List<String> stale() {
        return plugins.stream()
                .flatMap(p -> p.stale().stream().map(m -> p.plugin() + ": " + m))
                .toList();
    }
}
