package conform.models;

import conform.models.ModelListing.Source;
import conform.plan.PlannedRun;

/**
 * One plugin × runtime to list, and where its provider calls go; or, with a skip reason, why it is not listed.
 *
 * @param source     where the runtime's provider calls go (null when skipped)
 * @param skipReason why the run is not listed, or null
 */
public record ListingTarget(PlannedRun run, Source source, String skipReason) {

    public static ListingTarget listed(PlannedRun run, Source source) {
        return new ListingTarget(run, source, null);
    }

    public static ListingTarget skipped(PlannedRun run, String reason) {
        return new ListingTarget(run, null, reason);
    }
}
