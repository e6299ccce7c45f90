package conform.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.WebSocket;

/**
 * One JSON-RPC request conform sent a v2 runtime, until its answer: the connection it went out on (the only one its
 * answer and chunks are taken from), the chunks streamed so far and when they came, and the action's trace id (what a
 * cancel names).
 */
final class V2Call {

    final String id;
    final WebSocket connection;
    /** When the request went out (System.nanoTime). */
    final long start;
    /** Left the moment the runtime answers, before the caller wakes to read the answer. */
    private final CallGate.Pass pass;

    private final long deadline;
    private final CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    private final List<JsonNode> chunks = new ArrayList<>();
    private final Arrivals arrivals;
    private volatile String traceId;

    V2Call(String id, WebSocket connection, long startNanos, long deadlineNanos, CallGate.Pass pass) {
        this.id = id;
        this.connection = connection;
        this.start = startNanos;
        this.deadline = deadlineNanos;
        this.pass = pass;
        this.arrivals = new Arrivals(startNanos, "chunk");
    }

    void chunk(JsonNode chunk) {
        synchronized (chunks) {
            chunks.add(chunk);
        }
        arrivals.arrived();
    }

    /** runActionState: the trace the action runs under. */
    void state(JsonNode state) {
        if (state.path("traceId").isTextual()) traceId = state.get("traceId").asText();
    }

    /** The response message: {@code result} or {@code error}. */
    void answer(JsonNode message) {
        pass.leave();
        answer.complete(message);
    }

    void lose(ActionFailure why) {
        answer.completeExceptionally(why);
    }

    /** The response message, once it came before the deadline. */
    JsonNode await() throws ActionFailure, TimeoutException, InterruptedException {
        try {
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ActionFailure failure) throw failure;
            throw new ActionFailure(ActionFailure.Kind.TRANSPORT, String.valueOf(e.getCause()), null);
        }
    }

    List<JsonNode> chunks() {
        synchronized (chunks) {
            return List.copyOf(chunks);
        }
    }

    Arrivals arrivals() {
        return arrivals;
    }

    String traceId() {
        return traceId;
    }
}
