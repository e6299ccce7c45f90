package conform.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One plugin's models across its runtimes, and what they say about its spec. Everything here is derived from the
 * listings and the suites, so a models.json read back gives the same findings.
 *
 * @param spec     the spec file as shown to people, or null when the plugin has none
 * @param listings one per runtime, in runtime order
 * @param suites   the spec's suites, in spec order
 */
public record PluginModels(String plugin, String spec, List<ModelListing> listings, List<SuiteSummary> suites) {

    /** A feature and the runtimes it concerns, for one model. */
    public record Gap(String model, Feature feature, List<String> runtimes) {}

    public PluginModels {
        listings = List.copyOf(listings);
        suites = List.copyOf(suites);
    }

    /** The runtimes that were listed, in order. */
    public List<String> runtimes() {
        return listings.stream()
                .filter(ModelListing::listed)
                .map(ModelListing::runtime)
                .toList();
    }

    /** Every model some runtime registers, rows that differ between runtimes first, each group by name. */
    public List<ModelRow> rows() {
        List<String> runtimes = runtimes();
        Set<String> tested =
                new TreeSet<>(suites.stream().map(SuiteSummary::model).toList());
        Map<String, Map<String, ModelRecord>> byModel = new java.util.TreeMap<>();
        for (ModelListing l : listings) {
            if (!l.listed()) continue;
            for (ModelRecord m : l.models())
                byModel.computeIfAbsent(m.name(), k -> new LinkedHashMap<>()).put(l.runtime(), m);
        }
        List<ModelRow> rows = new ArrayList<>();
        byModel.forEach((model, cells) -> rows.add(new ModelRow(model, cells, runtimes, tested.contains(model))));
        rows.sort(Comparator.comparing((ModelRow r) -> !r.differs()).thenComparing(ModelRow::model));
        return rows;
    }

    public List<ModelRow> differences() {
        return rows().stream().filter(ModelRow::differs).toList();
    }

    /** The models registered the same way and declared alike in every runtime. */
    public List<ModelRow> same() {
        return rows().stream().filter(r -> !r.differs()).toList();
    }

    /** Models some runtime lists that no suite tests. */
    public List<String> untested() {
        return rows().stream()
                .filter(r -> !r.tested() && !r.listedIn().isEmpty())
                .map(ModelRow::model)
                .sorted()
                .toList();
    }

    /**
     * Suites whose model no runtime lists: the plugins no longer register it by themselves and its provider does not
     * list it, so a run would fail for a reason that is not the plugin's. Not judged when no runtime was listed.
     */
    public List<String> stale() {
        if (runtimes().isEmpty()) return List.of();
        Map<String, ModelRow> rows = rowsByModel();
        return suites.stream()
                .map(SuiteSummary::model)
                .filter(m -> rows.get(m) == null || rows.get(m).listedIn().isEmpty())
                .distinct()
                .toList();
    }

    /** Features a tested model declares (in the runtimes named) that its suite does not exercise. */
    public List<Gap> declaredNotTested() {
        return gaps(true);
    }

    /** Features a suite exercises that its model does not declare in the runtimes named. */
    public List<Gap> testedNotDeclared() {
        return gaps(false);
    }

    private List<Gap> gaps(boolean declaredSide) {
        Map<String, ModelRow> rows = rowsByModel();
        List<Gap> out = new ArrayList<>();
        for (SuiteSummary suite : suites) {
            ModelRow row = rows.get(suite.model());
            if (row == null) continue;
            for (Feature feature : Feature.values()) {
                if (suite.exercises().contains(feature) == declaredSide) continue;
                List<String> runtimes = row.cells().entrySet().stream()
                        .filter(e -> feature.declaredBy(e.getValue().supports()) == declaredSide)
                        .map(Map.Entry::getKey)
                        .toList();
                if (!runtimes.isEmpty()) out.add(new Gap(suite.model(), feature, runtimes));
            }
        }
        return out;
    }

    private Map<String, ModelRow> rowsByModel() {
        Map<String, ModelRow> out = new LinkedHashMap<>();
        rows().forEach(r -> out.put(r.model(), r));
        return out;
    }

    /** Stale suites, then capabilities tested but not declared, then declared but not tested. */
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        stale().forEach(m -> out.add(new Finding(Finding.Kind.STALE, m, describeStale(m))));
        testedNotDeclared()
                .forEach(g -> out.add(new Finding(Finding.Kind.TESTED_NOT_DECLARED, g.model(), describe(g, false))));
        declaredNotTested()
                .forEach(g -> out.add(new Finding(Finding.Kind.DECLARED_NOT_TESTED, g.model(), describe(g, true))));
        return out;
    }

    /** Why a stale suite is stale. */
    public String describeStale(String model) {
        ModelRow row = rowsByModel().get(model);
        List<String> onCall = row == null ? List.of() : List.copyOf(row.cells().keySet());
        return "no runtime lists it"
                + (onCall.isEmpty() ? "" : " (" + String.join(", ", onCall) + " register it only when it is called)")
                + ": its plugins no longer know it, so a run would fail for a reason that is not the plugin's";
    }

    private static String describe(Gap gap, boolean declaredNotTested) {
        String runtimes = String.join(", ", gap.runtimes());
        return declaredNotTested
                ? gap.feature().label() + " is declared in " + runtimes + " ("
                        + gap.feature().declaration() + "), and its suite does not exercise it"
                : "its suite exercises " + gap.feature().label() + ", which " + runtimes + " does not declare ("
                        + gap.feature().declaration() + ")";
    }
}
