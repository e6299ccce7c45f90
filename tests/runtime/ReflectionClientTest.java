package conform.runtime;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against a real HTTP server on 127.0.0.1 that answers as the JS, Python and Go reflection servers
 * do (framing and error shapes from the reference notes), chosen by the action key.
 */
class ReflectionClientTest {

    private static HttpServer server;
    private static ReflectionClient client;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration T = Duration.ofSeconds(5);
    /** A request's `Connection: close` is answered in kind and honoured, as Node's, uvicorn's and Go's servers do. */
    private static final Filter CLOSES_AS_ASKED = Filter.beforeHandler("Connection: close", ex -> {
        if ("close".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Connection")))
            ex.getResponseHeaders().set("Connection", "close");
    });
    /** Each runAction's client port and Connection header. */
    private static final List<String> CONNECTIONS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        for (HttpContext context : List.of(
                server.createContext("/api/__health", ex -> reply(ex, 200, "OK")),
                server.createContext("/api/actions", ex -> reply(ex, 200, "{\"/model/a/b\":{\"key\":\"/model/a/b\"}}")),
                server.createContext("/api/runAction", ReflectionClientTest::runAction)))
            context.getFilters().add(CLOSES_AS_ASKED);
        server.start();
        client = new ReflectionClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void runAction(HttpExchange ex) throws IOException {
        CONNECTIONS.add(
                ex.getRemoteAddress().getPort() + " " + ex.getRequestHeaders().getFirst("Connection"));
        String key = JSON.readTree(ex.getRequestBody()).get("key").asText();
        boolean stream = "stream=true".equals(ex.getRequestURI().getQuery());
        String ok = "{\"message\":{\"role\":\"model\",\"content\":[{\"text\":\"hi\"}]}}";
        switch (key) {
            case "/model/js/ok" ->
                reply(
                        ex,
                        200,
                        stream
                                ? "{\"index\":0,\"content\":[{\"text\":\"h\"}]}\n"
                                        + "{\"index\":0,\"content\":[{\"text\":\"i\"}]}\n"
                                        + "{\"result\":"
                                        + ok + ",\"telemetry\":{\"traceId\":\"t\"}}"
                                : "{\"result\":" + ok + ",\"telemetry\":{\"traceId\":\"t\"}}");
            case "/model/py/ok" ->
                reply(ex, 200, "{\"result\": " + ok + ", \"telemetry\": {\"traceId\": \"t\", \"spanId\": \"s\"}}");
            case "/model/js/missing" -> reply(ex, 404, "action /model/js/missing not found");
            case "/model/py/missing" -> reply(ex, 404, "{\"error\":\"Action not found: /model/py/missing\"}");
            case "/model/go/missing" ->
                reply(
                        ex,
                        200,
                        "{\"error\": {\"details\":{\"stack\":\"…\"},\"message\":\"action \\\"/model/go/missing\\\" not"
                                + " found\",\"code\":404} }");
            case "/model/js/throws" ->
                reply(
                        ex,
                        200,
                        (stream ? "{\"index\":0,\"content\":[{\"text\":\"partial\"}]}\n" : "")
                                + "{\"error\":{\"code\":13,\"message\":\"provider"
                                + " exploded\",\"details\":{\"stack\":\"Error: …\"}}}");
            case "/model/js/invalid" ->
                reply(ex, 200, "{\"error\":{\"code\":13,\"message\":\"INVALID_ARGUMENT: Schema validation failed.\"}}");
            case "/model/py/limited" ->
                reply(ex, 200, "{\"error\": {\"code\": 8, \"message\": \"429 Too Many Requests; retry-after: 2\"}}");
            case "/model/any/429" -> {
                ex.getResponseHeaders().add("Retry-After", "3");
                reply(ex, 429, "slow down");
            }
            case "/model/any/stall" -> {
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                out.write("{\"index\":0,\"content\":[{\"text\":\"first\"}]}\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(3000);
                out.close();
            }
            case "/model/any/garbage" -> reply(ex, 200, "<html>proxy error</html>");
            case "/model/any/empty" -> reply(ex, 200, "");
            default -> reply(ex, 500, "unexpected key " + key);
        }
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0)
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        ex.close();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ActionFailure fails(String key, boolean stream, Duration timeout) {
        return assertThrows(
                ActionFailure.class,
                () -> client.run(key, JSON.createObjectNode(), stream, timeout, CallGate.UNBOUNDED));
    }

    @Test
    void healthAndActions() throws ActionFailure {
        assertTrue(client.answering(T));
        assertTrue(client.actions(T).has("/model/a/b"));
        assertFalse(
                new ReflectionClient(URI.create("http://127.0.0.1:1")).answering(Duration.ofSeconds(1)),
                "nothing listens on port 1");
    }

    @Test
    void everyCallHasAConnectionOfItsOwn() throws ActionFailure {
        // Python's server stalls ≈ 44 ms on every call of a kept-alive connection (docs/runtimes.md).
        CONNECTIONS.clear();
        for (int i = 0; i < 3; i++) client.run("/model/py/ok", JSON.createObjectNode(), false, T, CallGate.UNBOUNDED);
        assertEquals(3, CONNECTIONS.size());
        assertEquals(3, Set.copyOf(CONNECTIONS).size(), "three client ports: " + CONNECTIONS);
        CONNECTIONS.forEach(c -> assertTrue(c.endsWith(" close"), c));
    }

    @Test
    void nonStreamingResult() throws ActionFailure {
        ActionResult r = client.run("/model/js/ok", JSON.createObjectNode(), false, T, CallGate.UNBOUNDED);
        assertEquals("hi", r.response().at("/message/content/0/text").asText());
        assertTrue(r.chunks().isEmpty());
        assertNull(r.firstChunkMs());
        assertTrue(r.latencyMs() >= 0);
    }

    @Test
    void pythonsSpacedJsonParses() throws ActionFailure {
        assertEquals(
                "hi",
                client.run("/model/py/ok", JSON.createObjectNode(), false, T, CallGate.UNBOUNDED)
                        .response()
                        .at("/message/content/0/text")
                        .asText());
    }

    @Test
    void streamedChunksAndFinalEnvelope() throws ActionFailure {
        ActionResult r = client.run("/model/js/ok", JSON.createObjectNode(), true, T, CallGate.UNBOUNDED);
        assertEquals(2, r.chunks().size());
        assertEquals("h", r.chunks().get(0).at("/content/0/text").asText());
        assertEquals("hi", r.response().at("/message/content/0/text").asText());
        assertNotNull(r.firstChunkMs());
    }

    @Test
    void unknownActionsAreNotFoundInEveryDialect() {
        for (String key : new String[] {"/model/js/missing", "/model/py/missing", "/model/go/missing"}) {
            ActionFailure f = fails(key, false, T);
            assertEquals(ActionFailure.Kind.NOT_FOUND, f.kind(), key + ": " + f.getMessage());
            assertFalse(f.kind().retryable);
        }
    }

    @Test
    void actionErrorsCarryTheMessage() {
        ActionFailure f = fails("/model/js/throws", false, T);
        assertEquals(ActionFailure.Kind.ACTION_ERROR, f.kind());
        assertEquals("provider exploded", f.getMessage());
        ActionFailure streamed = fails("/model/js/throws", true, T);
        assertEquals("provider exploded", streamed.getMessage(), "the error after chunks wins");
    }

    @Test
    void invalidArgumentIsNotRetryable() {
        ActionFailure f = fails("/model/js/invalid", false, T);
        assertEquals(ActionFailure.Kind.INVALID_REQUEST, f.kind());
        assertFalse(f.kind().retryable);
    }

    @Test
    void retryAfterComesFromTheHeaderOrTheMessage() {
        ActionFailure header = fails("/model/any/429", false, T);
        assertEquals(ActionFailure.Kind.HTTP_ERROR, header.kind());
        assertEquals(Duration.ofSeconds(3), header.retryAfter());
        assertEquals(Duration.ofSeconds(2), fails("/model/py/limited", false, T).retryAfter());
    }

    @Test
    void aStalledStreamTimesOutSayingSo() {
        long start = System.nanoTime();
        ActionFailure f = fails("/model/any/stall", true, Duration.ofMillis(800));
        assertEquals(ActionFailure.Kind.TIMEOUT, f.kind());
        assertTrue(
                f.getMessage().contains("1 line(s) streamed") && f.getMessage().contains("stalled"), f.getMessage());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2500, "did not wait for the server");
    }

    @Test
    void garbageIsAProtocolError() {
        assertEquals(
                ActionFailure.Kind.PROTOCOL,
                fails("/model/any/garbage", false, T).kind());
        assertEquals(
                ActionFailure.Kind.PROTOCOL, fails("/model/any/empty", true, T).kind());
    }

    @Test
    void aDeadServerIsATransportFailure() {
        ReflectionClient nowhere = new ReflectionClient(URI.create("http://127.0.0.1:1"));
        ActionFailure f = assertThrows(
                ActionFailure.class,
                () -> nowhere.run("/model/a/b", JSON.createObjectNode(), false, T, CallGate.UNBOUNDED));
        assertEquals(ActionFailure.Kind.TRANSPORT, f.kind());
        assertTrue(f.kind().retryable);
    }
}
