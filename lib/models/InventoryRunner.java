package conform.models;

import conform.config.RuntimeConfig;
import conform.plan.PlannedRun;
import conform.runtime.Parallel;
import conform.runtime.SourceRevision;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists every target, at most {@code concurrency} runtimes at once, and gathers the listings per plugin, with the
 * local sources of the runtimes that listed them (their git state as the listing starts).
 */
public final class InventoryRunner {

    private final ModelLister lister;
    private final int concurrency;
    private final Path base;
    private final Listener listener;

    /** What an inventory reports as it goes; callbacks may come from any thread. */
    public interface Listener {
        /** A note about one target's start-up (a port race, …). */
        default void note(ListingTarget target, String message) {}

        /** One runtime has been listed, or failed, or was skipped. */
        default void finished(ModelListing listing) {}
    }

    /** @param base spec paths below it are shown relative to it (the config's directory) */
    public InventoryRunner(ModelLister lister, int concurrency, Path base, Listener listener) {
        this.lister = lister;
        this.concurrency = concurrency;
        this.base = base;
        this.listener = listener;
    }

    /**
     * Lists every target; a target whose runtime is named in {@code brokenRuntimes} (runtime → why its setup failed)
     * is an error without starting.
     */
    public ModelInventory run(List<ListingTarget> targets, Map<String, String> brokenRuntimes, String conformVersion) {
        List<ModelListing> listings = Parallel.map(
                targets,
                concurrency,
                target -> {
                    ModelListing listing =
                            listOne(target, brokenRuntimes.get(target.run().runtimeName()));
                    listener.finished(listing);
                    return listing;
                },
                "listing a runtime's models");
        return assemble(targets, listings, base, conformVersion);
    }

    /**
     * The inventory of {@code targets}, each as the listing at the same place in {@code listings} says, grouped by
     * plugin; spec paths below {@code base} are shown relative to it.
     */
    public static ModelInventory assemble(
            List<ListingTarget> targets, List<ModelListing> listings, Path base, String conformVersion) {
        String generatedAt = Instant.now().toString();
        Map<String, List<SourceRevision>> localSources = new LinkedHashMap<>();
        for (ListingTarget target : targets) {
            RuntimeConfig rt = target.run().runtime();
            if (target.skipReason() == null && !rt.sources().isEmpty())
                localSources.computeIfAbsent(
                        rt.name(),
                        name -> rt.sources().stream().map(SourceRevision::of).toList());
        }
        Map<String, List<ModelListing>> byPlugin = new LinkedHashMap<>();
        Map<String, PlannedRun> firstRun = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            PlannedRun run = targets.get(i).run();
            byPlugin.computeIfAbsent(run.plugin(), k -> new ArrayList<>()).add(listings.get(i));
            firstRun.putIfAbsent(run.plugin(), run);
        }
        List<PluginModels> plugins = new ArrayList<>();
        byPlugin.forEach((plugin, ofPlugin) -> {
            PlannedRun run = firstRun.get(plugin);
            plugins.add(new PluginModels(plugin, shown(run, base), ofPlugin, SuiteSummary.of(run.spec())));
        });
        return new ModelInventory(conformVersion, generatedAt, plugins, localSources);
    }

    private ModelListing listOne(ListingTarget target, String broken) {
        PlannedRun run = target.run();
        if (target.skipReason() != null)
            return ModelListing.skipped(run.plugin(), run.runtimeName(), target.skipReason());
        if (broken != null) return ModelListing.error(run.plugin(), run.runtimeName(), target.source(), broken);
        return lister.list(run, target.source(), note -> listener.note(target, note));
    }

    private static String shown(PlannedRun run, Path base) {
        if (run.spec() == null) return null;
        Path file = run.spec().file().toAbsolutePath().normalize();
        Path dir = base.toAbsolutePath().normalize();
        return (file.startsWith(dir) ? dir.relativize(file) : file).toString();
    }
}
