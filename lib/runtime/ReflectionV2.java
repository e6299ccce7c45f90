package conform.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import conform.config.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * conform as the reflection API v2 manager of one runtime: a WebSocket server on 127.0.0.1 that the runtime dials (its
 * {@code GENKIT_REFLECTION_V2_SERVER}), JSON-RPC 2.0 over it. Only a {@code register} from a process of the tree conform
 * started is accepted. Calls go to the connection that registered last, each under a string id never used before in
 * this session, so an answer to a call lost with an earlier connection (JS finishes it and answers on the next one)
 * matches nothing and is dropped. A connection that closes fails its calls at once; the runtime dials again and
 * registers anew, and calls made meanwhile wait for it.
 */
public final class ReflectionV2 implements Reflection {

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final Duration LISTEN_WAIT = Duration.ofSeconds(10);
    private static final int STOP_WAIT_MS = 1000;
    private static final int LOG_TAIL_LINES = 5;
    private static final long WAIT_SLICE_MS = 50;
    private static final int METHOD_NOT_FOUND = -32601;
    private static final int INVALID_PARAMS = -32602;

    private final Server server = new Server();
    private final Path log;
    private final CompletableFuture<ProcessTree> tree = new CompletableFuture<>();
    private final Map<String, V2Call> calls = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Object connectionChanged = new Object();
    private volatile WebSocket registered;

    private ReflectionV2(Path log) {
        this.log = log;
    }

    /** A manager listening on a port of 127.0.0.1 the OS picks; {@code log} is the runtime's, quoted when a call is lost. */
    static ReflectionV2 listen(Path log) throws IOException {
        ReflectionV2 v2 = new ReflectionV2(log);
        v2.server.start();
        try {
            v2.server.started.get(LISTEN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return v2;
        } catch (ExecutionException | TimeoutException e) {
            v2.close();
            throw new IOException(
                    "cannot listen on 127.0.0.1: " + (e.getCause() == null ? "no answer" : e.getCause()), e);
        } catch (InterruptedException e) {
            v2.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening the reflection v2 server", e);
        }
    }

    /** Where the runtime dials: the value of its {@code GENKIT_REFLECTION_V2_SERVER}. */
    URI url() {
        return URI.create("ws://127.0.0.1:" + server.getPort());
    }

    /** From now on a register is accepted from {@code started}'s processes only (one held until then waits). */
    void attach(ProcessTree started) {
        tree.complete(started);
    }

    /** Whether a runtime of the tree has registered and is still connected. */
    boolean registered() {
        WebSocket connection = registered;
        return connection != null && connection.isOpen();
    }

    @Override
    public Transport transport() {
        return Transport.V2;
    }

    @Override
    public JsonNode actions(Duration timeout) throws ActionFailure {
        V2Call call = send("listActions", JSON.createObjectNode(), timeout, CallGate.UNBOUNDED);
        JsonNode actions = answer(call, timeout, false).path("actions");
        if (!actions.isObject())
            throw new ActionFailure(ActionFailure.Kind.PROTOCOL, "listActions answered without `actions`", null);
        return actions;
    }

    @Override
    public ActionResult run(String key, JsonNode input, boolean stream, Duration timeout, CallGate gate)
            throws ActionFailure {
        ObjectNode params = JSON.createObjectNode().put("key", key);
        params.set("input", input);
        params.put("stream", stream);
        V2Call call = send("runAction", params, timeout, gate);
        JsonNode result = answer(call, timeout, stream);
        long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - call.start);
        if (!result.has("result"))
            throw new ActionFailure(
                    ActionFailure.Kind.PROTOCOL,
                    "runAction answered without a result: " + ErrorEnvelope.abbreviate(result.toString()),
                    null);
        return stream
                ? new ActionResult(
                        result.get("result"),
                        call.chunks(),
                        latency,
                        call.arrivals().firstMs())
                : new ActionResult(result.get("result"), List.of(), latency, null);
    }

    @Override
    public boolean answering(Duration timeout) {
        return connection(System.nanoTime() + timeout.toNanos()) != null;
    }

    /** Stops listening and closes the runtime's connection; what is still in flight fails. */
    @Override
    public void close() {
        try {
            server.stop(STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lose(c -> true, "conform closed the runtime's reflection connection");
        synchronized (connectionChanged) {
            registered = null;
            connectionChanged.notifyAll();
        }
    }

    /**
     * Sends a request once {@code gate} lets it, on the registered connection (waiting for one up to {@code timeout},
     * which counts from there), and tracks its answer.
     */
    private V2Call send(String method, ObjectNode params, Duration timeout, CallGate gate) throws ActionFailure {
        String id = "conform-" + ids.incrementAndGet();
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id);
        String text = request.put("method", method).set("params", params).toString();
        CallGate.Pass pass = gate.enter();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        WebSocket connection = connection(deadline);
        if (connection == null) {
            if (System.nanoTime() < deadline)
                throw new ActionFailure(
                        ActionFailure.Kind.TRANSPORT, "the runtime's reflection connection is closed", null);
            throw new ActionFailure(
                    ActionFailure.Kind.TIMEOUT,
                    "the runtime did not connect to conform again within " + ReflectionClient.seconds(timeout),
                    null);
        }
        V2Call call = new V2Call(id, connection, start, deadline, pass);
        calls.put(call.id, call);
        try {
            // A connection that closed before the call was tracked would never fail it: check once it is.
            if (!connection.isOpen()) throw new WebsocketNotConnectedException();
            connection.send(text);
        } catch (WebsocketNotConnectedException e) {
            calls.remove(call.id);
            throw new ActionFailure(
                    ActionFailure.Kind.TRANSPORT, "the runtime's reflection connection closed before the call", null);
        }
        return call;
    }

    /** The call's {@code result}, once answered before its deadline; its error, or a timeout, as a failure. */
    private JsonNode answer(V2Call call, Duration timeout, boolean stream) throws ActionFailure {
        try {
            JsonNode message = call.await();
            if (message.hasNonNull("error")) throw ErrorEnvelope.fromJsonRpc(message.get("error"));
            return message.path("result");
        } catch (TimeoutException e) {
            calls.remove(call.id);
            cancel(call);
            throw new ActionFailure(
                    ActionFailure.Kind.TIMEOUT,
                    "no complete answer within " + ReflectionClient.seconds(timeout)
                            + (stream ? " (" + call.arrivals().describe() + ")" : ""),
                    null);
        } catch (InterruptedException e) {
            calls.remove(call.id);
            Thread.currentThread().interrupt();
            throw new ActionFailure(ActionFailure.Kind.TRANSPORT, "interrupted", null);
        }
    }

    /** Asks the runtime to stop an action conform no longer waits for; its late answer, if any, is dropped. */
    private void cancel(V2Call call) {
        if (call.traceId() == null) return;
        ObjectNode request = JSON.createObjectNode()
                .put("jsonrpc", "2.0")
                .put("id", "conform-" + ids.incrementAndGet())
                .put("method", "cancelAction");
        request.putObject("params").put("traceId", call.traceId());
        try {
            call.connection.send(request.toString());
        } catch (WebsocketNotConnectedException e) {
            // gone already: nothing runs there any more
        }
    }

    /** The registered connection, waiting for one until {@code deadline}; null when none came or the runtime exited. */
    private WebSocket connection(long deadline) {
        synchronized (connectionChanged) {
            while (true) {
                WebSocket connection = registered;
                if (connection != null && connection.isOpen()) return connection;
                long left = deadline - System.nanoTime();
                ProcessTree started = tree.getNow(null);
                if (left <= 0 || (started != null && !started.isAlive())) return null;
                try {
                    connectionChanged.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), WAIT_SLICE_MS)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
    }

    /** A message from a runtime: a request or notification of its own, or the answer to one of conform's calls. */
    private void received(WebSocket connection, String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return; // not JSON-RPC: there is no id to answer
        }
        if (message == null || !message.isObject()) return;
        JsonNode id = message.path("id");
        JsonNode params = message.path("params");
        if (!message.has("method")) {
            if (id.isValueNode())
                callOn(connection, id).filter(c -> calls.remove(c.id, c)).ifPresent(c -> c.answer(message));
            return;
        }
        switch (message.path("method").asText()) {
            case "register" -> register(connection, id, params);
            case "streamChunk" ->
                callOn(connection, params.path("requestId")).ifPresent(c -> c.chunk(params.path("chunk")));
            case "runActionState" ->
                callOn(connection, params.path("requestId")).ifPresent(c -> c.state(params.path("state")));
            default -> {
                if (id.isValueNode())
                    reply(connection, error(id, METHOD_NOT_FOUND, "method not found: " + message.get("method")));
            }
        }
    }

    /** The call {@code id} names, if it is in flight on {@code connection}: nothing from another connection counts. */
    private Optional<V2Call> callOn(WebSocket connection, JsonNode id) {
        V2Call call = id.isValueNode() ? calls.get(id.asText()) : null;
        return call != null && call.connection == connection ? Optional.of(call) : Optional.empty();
    }

    /** Accepts the runtime when its pid is one of the tree's (Python sends it as 1234.0); refuses anyone else. */
    private void register(WebSocket connection, JsonNode id, JsonNode params) {
        long pid = params.path("pid").asLong(-1);
        tree.thenAccept(started -> {
            if (pid <= 0 || !started.contains(pid)) {
                reply(connection, error(id, INVALID_PARAMS, "pid " + pid + " is not a runtime conform started"));
                connection.close(CloseFrame.POLICY_VALIDATION, "not a runtime conform started");
                return;
            }
            ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
            answer.set("id", id);
            answer.putObject("result");
            reply(connection, answer);
            WebSocket previous;
            synchronized (connectionChanged) {
                previous = registered;
                registered = connection;
                connectionChanged.notifyAll();
            }
            if (previous != null && previous != connection) previous.close(CloseFrame.NORMAL, "registered again");
        });
    }

    private void closed(WebSocket connection, int code, String reason) {
        synchronized (connectionChanged) {
            if (registered == connection) registered = null;
            connectionChanged.notifyAll();
        }
        lose(
                c -> c.connection == connection,
                "the runtime's reflection connection closed during the call (code " + code
                        + (reason == null || reason.isBlank() ? "" : ", " + reason) + ")" + logTail());
    }

    private void lose(java.util.function.Predicate<V2Call> which, String why) {
        for (V2Call call : calls.values()) {
            if (which.test(call) && calls.remove(call.id, call))
                call.lose(new ActionFailure(ActionFailure.Kind.TRANSPORT, why, null));
        }
    }

    private String logTail() {
        List<String> tail = LogTail.last(log, LOG_TAIL_LINES);
        return tail.isEmpty() ? "" : "; its log ends: " + String.join(" | ", tail);
    }

    private static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
        answer.set("id", id);
        answer.putObject("error").put("code", code).put("message", message);
        return answer;
    }

    private static void reply(WebSocket connection, ObjectNode message) {
        try {
            connection.send(message.toString());
        } catch (WebsocketNotConnectedException e) {
            // it went away: there is no one left to answer
        }
    }

    /** The WebSocket server: its callbacks run on its one worker thread and never block. */
    private final class Server extends WebSocketServer {

        final CompletableFuture<Void> started = new CompletableFuture<>();

        Server() {
            super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            setTcpNoDelay(true); // each message leaves at once, not held back until the runtime acknowledges the last
            setConnectionLostTimeout(0); // a crash closes the socket; a runtime that hangs meets the action timeout
            setReuseAddr(true);
            setDaemon(true);
        }

        @Override
        public void onStart() {
            started.complete(null);
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {}

        @Override
        public void onMessage(WebSocket connection, String text) {
            received(connection, text);
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
            closed(connection, code, reason);
        }

        @Override
        public void onError(WebSocket connection, Exception e) {
            if (connection == null) started.completeExceptionally(e); // the server itself: it could not listen
        }
    }
}
