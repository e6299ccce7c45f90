package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import conform.config.EmulatorDialect;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/** What a dialect gets from the emulator: the reference model, the models to list, faults and the request log. */
public interface EmulatorContext {

    /** The reference model's answer; when the request lacks what its conformance case needs, the text says so. */
    ChatReply answer(ChatRequest request);

    /** Model ids a dialect answers, without the plugin prefix (gpt-4o, claude-sonnet-4-5, gemini-2.5-flash, gemma3). */
    List<String> models(EmulatorDialect dialect);

    /** Model ids a dialect's model-list endpoints list (see {@link EmulatedModels}). */
    List<String> listed(EmulatorDialect dialect);

    /** The fault to inject into this request (per request directive first, then per run), or {@link Fault#NONE}. */
    Fault faultFor(ChatRequest request);

    /** Serves {@code data} under /conform/media/ from now on (an image asked for as a URL); returns its URL. */
    String serve(String mimeType, byte[] data);

    /** Records a line in the request log (redacted before it is kept or printed). */
    void log(String line);

    /** Refuses a request the provider would refuse, with the provider's error document for it, and logs why. */
    default void reject(HttpExchange exchange, String target, Violation violation, Function<Violation, JsonNode> body)
            throws IOException {
        log("POST " + target + " → " + violation.status() + " " + violation.message());
        Wire.json(exchange, violation.status(), body.apply(violation));
    }

    /**
     * What every dialect does with a model request before answering it: pick its fault, log it, and answer with
     * the fault when the fault replaces the answer ({@code errorBody} is the provider's error document for it).
     *
     * @return the fault still to apply to the answer (NONE, a stall, a truncation…), or null when the request is answered
     */
    default Fault admit(HttpExchange exchange, String target, ChatRequest request, Function<Fault, JsonNode> errorBody)
            throws IOException {
        Fault fault = faultFor(request);
        log("POST " + target + " model=" + request.model() + (request.stream() ? " stream" : "")
                + (fault.none() ? "" : " fault=" + fault.kind()));
        return Wire.preFault(exchange, fault, request.stream(), errorBody.apply(fault)) ? null : fault;
    }
}
