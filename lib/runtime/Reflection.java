package conform.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import conform.config.Transport;
import java.time.Duration;

/** A runtime's reflection API, whichever way it is reached: v1 ({@link ReflectionClient}) or v2 ({@link ReflectionV2}). */
interface Reflection extends AutoCloseable {

    /** The resolved transport: {@link Transport#V1} or {@link Transport#V2}. */
    Transport transport();

    /** Every action the runtime lists, keyed by action key. */
    JsonNode actions(Duration timeout) throws ActionFailure;

    /**
     * Runs the action {@code key} (e.g. /model/googleai/gemini-2.5-flash), streaming or not: its request is made ready,
     * then sent once {@code gate} lets it. The pass is left the moment the runtime answers; after a failure the caller
     * leaves it, once it knows whether the runtime is still there.
     */
    ActionResult run(String key, JsonNode input, boolean stream, Duration timeout, CallGate gate) throws ActionFailure;

    /** Whether the runtime can be reached within {@code timeout}: it answers its health check, or it is connected. */
    boolean answering(Duration timeout);

    @Override
    void close();
}
