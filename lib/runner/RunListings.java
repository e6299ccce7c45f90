package conform.runner;

import conform.models.InventoryRunner;
import conform.models.ListingTarget;
import conform.models.ModelInventory;
import conform.models.ModelLister;
import conform.models.ModelListing;
import conform.plan.PlannedRun;
import conform.runtime.RuntimeSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The model inventory of check-model's runs (with --report-dir), taken from the runs themselves rather than from a
 * start of every runtime more: a listed run's runtime starts as an inventory's does, asked to register no model up
 * front, so the list it gives when ready is what its plugin registers by itself; its tests then resolve the spec's
 * models on their first call, and after them {@link ModelLister#of} adds what the runtime registers on call. A run whose
 * runtime did not come up is listed as an error with the reason.
 */
public final class RunListings {

    private final List<ListingTarget> targets;
    private final Map<String, ListingTarget> byRun;
    private final Map<String, ModelListing> listings = new ConcurrentHashMap<>();

    /** @param targets the runs to list, each with its whole spec (not only what a selection runs) and its provider */
    public RunListings(List<ListingTarget> targets) {
        this.targets = List.copyOf(targets);
        this.byRun = targets.stream()
                .filter(t -> t.source() != null)
                .collect(Collectors.toMap(t -> key(t.run()), Function.identity()));
    }

    /** Whether {@code run} is listed: its runtime is then started as an inventory's is. */
    boolean wants(PlannedRun run) {
        return byRun.containsKey(key(run));
    }

    /** Lists {@code run}'s runtime, after its tests and before it is stopped. */
    void take(PlannedRun run, RuntimeSession session) {
        ListingTarget target = byRun.get(key(run));
        listings.put(
                key(run),
                session.alive()
                        ? ModelLister.of(session, target.run(), target.source())
                        : ModelListing.error(
                                run.plugin(), run.runtimeName(), target.source(), "the runtime exited during the run"));
    }

    /** {@code run}'s runtime could not be listed: it did not start, or its setup failed. */
    void failed(PlannedRun run, String reason) {
        ListingTarget target = byRun.get(key(run));
        listings.put(key(run), ModelListing.error(run.plugin(), run.runtimeName(), target.source(), reason));
    }

    /** The inventory of every target, or empty when none could be listed; spec paths are shown relative to {@code base}. */
    public Optional<ModelInventory> inventory(Path base, String conformVersion) {
        if (byRun.isEmpty()) return Optional.empty();
        List<ModelListing> all = targets.stream()
                .map(t -> t.source() == null
                        ? ModelListing.skipped(t.run().plugin(), t.run().runtimeName(), t.skipReason())
                        : listings.getOrDefault(
                                key(t.run()),
                                ModelListing.error(
                                        t.run().plugin(), t.run().runtimeName(), t.source(), "its run did not start")))
                .toList();
        return Optional.of(InventoryRunner.assemble(targets, all, base, conformVersion));
    }

    private static String key(PlannedRun run) {
        return run.plugin() + " " + run.runtimeName();
    }
}
