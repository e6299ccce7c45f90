package conform.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One model across a plugin's runtimes: how each has it (absent from the map: not registered) and the capability
 * fields whose declarations differ between the runtimes that have it.
 *
 * @param cells  runtime → the model as that runtime registers it, in runtime order
 * @param tested whether a suite of the spec names it
 */
public record ModelRow(String model, Map<String, ModelRecord> cells, List<String> runtimes, boolean tested) {

    /** A capability field and its value in each runtime that has the model. */
    public record FieldDifference(String field, Map<String, Object> values) {}

    public ModelRow {
        cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        runtimes = List.copyOf(runtimes);
    }

    /** The model is not registered the same way (listed, on call, absent) in every runtime. */
    public boolean presenceDiffers() {
        Set<Registration> seen = new LinkedHashSet<>();
        for (String runtime : runtimes) {
            ModelRecord cell = cells.get(runtime);
            seen.add(cell == null ? null : cell.registration());
        }
        return seen.size() > 1;
    }

    public List<FieldDifference> fieldDifferences() {
        Set<String> fields = new TreeSet<>();
        List<ModelRecord> present = cells.values().stream().toList();
        for (ModelRecord a : present)
            for (ModelRecord b : present) fields.addAll(a.supports().differingFields(b.supports()));
        List<FieldDifference> out = new ArrayList<>();
        for (String field : fields) {
            Map<String, Object> values = new LinkedHashMap<>();
            cells.forEach((runtime, cell) ->
                    values.put(runtime, cell.supports().fields().get(field)));
            out.add(new FieldDifference(field, values));
        }
        return out;
    }

    public boolean differs() {
        return presenceDiffers() || !fieldDifferences().isEmpty();
    }

    /** Runtimes that list it (not merely resolve it when called). */
    public List<String> listedIn() {
        return runtimes.stream()
                .filter(r -> cells.get(r) != null && cells.get(r).registration() == Registration.LISTED)
                .toList();
    }
}
