package conform.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What one plugin registers in one runtime, or why it was not listed.
 *
 * @param source where the runtime's provider calls went, or null when it did not start
 * @param reason why it was skipped or failed (null when listed)
 * @param models the registered models, in name order
 */
public record ModelListing(
        String plugin, String runtime, Status status, Source source, String reason, List<ModelRecord> models) {

    /** Model actions are keyed {@code /model/<name>}. */
    static final String PREFIX = "/model/";

    public enum Status {
        LISTED,
        SKIPPED,
        ERROR
    }

    /** Where the runtime's provider calls went while it was listed. */
    public enum Source {
        /** The plugin's own provider (or none, for a plugin that needs none): what it lists is real. */
        PROVIDER,
        /** conform's emulator, which lists no provider's catalogue (only an Ollama server's models: the specs'). */
        EMULATOR;

        /** For people: where the provider calls went. */
        public String description() {
            return this == EMULATOR ? "against the emulator" : "against its provider";
        }

        /** What a listing against this source means, said once under an inventory that has one. */
        public String meaning() {
            return this == EMULATOR
                    ? "the emulator lists no provider's model catalogue (an Ollama server's list is the specs' models),"
                            + " so what a runtime lists against it is what its plugin registers by itself; \"on call\""
                            + " is a model the runtime registers only when it is called"
                    : "a runtime lists what its plugin registers by itself and what its provider lists";
        }
    }

    public ModelListing {
        models = List.copyOf(models);
    }

    public static ModelListing skipped(String plugin, String runtime, String reason) {
        return new ModelListing(plugin, runtime, Status.SKIPPED, null, reason, List.of());
    }

    public static ModelListing error(String plugin, String runtime, Source source, String reason) {
        return new ModelListing(plugin, runtime, Status.ERROR, source, reason, List.of());
    }

    /** The same listing with its reason and its models' labels, stages and versions passed through {@code f}. */
    ModelListing mapText(java.util.function.UnaryOperator<String> f) {
        return new ModelListing(
                plugin,
                runtime,
                status,
                source,
                reason == null ? null : f.apply(reason),
                models.stream()
                        .map(m -> new ModelRecord(
                                m.name(),
                                m.registration(),
                                m.label() == null ? null : f.apply(m.label()),
                                m.stage() == null ? null : f.apply(m.stage()),
                                m.versions().stream().map(f).toList(),
                                m.supports()))
                        .toList());
    }

    public boolean listed() {
        return status == Status.LISTED;
    }

    /** The model actions in a GET /api/actions answer, in name order, each as {@code registration}. */
    static List<ModelRecord> records(JsonNode actions, Registration registration) {
        List<ModelRecord> out = new ArrayList<>();
        actions.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith(PREFIX)) out.add(ModelRecord.of(e.getKey(), e.getValue(), registration));
        });
        out.sort(java.util.Comparator.comparing(ModelRecord::name));
        return out;
    }
}
