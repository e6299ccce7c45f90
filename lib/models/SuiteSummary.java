package conform.models;

import conform.spec.PluginSpec;
import conform.spec.Suite;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A spec's suite as the inventory compares it: its model and the features its tests exercise. */
public record SuiteSummary(String model, Set<Feature> exercises) {

    public SuiteSummary {
        EnumSet<Feature> ordered = EnumSet.noneOf(Feature.class);
        ordered.addAll(exercises);
        exercises = java.util.Collections.unmodifiableSet(ordered);
    }

    public static List<SuiteSummary> of(PluginSpec spec) {
        return spec == null
                ? List.of()
                : spec.suites().stream().map(SuiteSummary::of).toList();
    }

    public static SuiteSummary of(Suite suite) {
        return new SuiteSummary(suite.model(), Feature.exercisedBy(suite));
    }
}
