package conform.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Runs a model action somewhere (a runtime's reflection server, in the only transport today) and is closed after. */
public interface ActionRunner extends AutoCloseable {

    /**
     * Runs the model action for {@code model} (a spec's model name, e.g. googleai/gemini-2.5-flash), its request going
     * out once {@code gate} lets it.
     */
    ActionResult run(String model, JsonNode input, boolean stream, Duration timeout, CallGate gate)
            throws ActionFailure;

    /** {@link #run(String, JsonNode, boolean, Duration, CallGate)} for a caller that makes one call at a time. */
    default ActionResult run(String model, JsonNode input, boolean stream, Duration timeout) throws ActionFailure {
        return run(model, input, stream, timeout, CallGate.UNBOUNDED);
    }

    /** False once the runner can no longer answer (its runtime died): retrying is then pointless. */
    boolean alive();

    @Override
    void close();

    /** The action key of a model: {@code /model/<name>}; a name that already starts with '/' is a key. */
    static String modelKey(String model) {
        return model.startsWith("/") ? model : "/model/" + model;
    }
}
