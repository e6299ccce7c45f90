package conform.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import conform.config.Transport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * The Genkit reflection API v1, over HTTP/1.1, one connection per call: health, the action list, and runAction, streaming
 * or not. Every call has a deadline; a stream is read line by line as it arrives (so time to first chunk is
 * measured, and a stream that stalls times out).
 */
public final class ReflectionClient implements Reflection {

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(1);

    private final URI base;
    private final HttpClient http;
    /** The process serving {@code base} (the runtime file's pid), or -1 when it is not known. */
    private final long serverPid;

    /** A client with an HTTP connection pool of its own, ended by {@link #close}. */
    public ReflectionClient(URI base) {
        this(base, newHttp(), -1);
    }

    /** A client of the server process {@code serverPid} at {@code base}, over {@code http}, which {@link #close} ends. */
    ReflectionClient(URI base, HttpClient http, long serverPid) {
        this.base = base;
        this.http = http;
        this.serverPid = serverPid;
    }

    /**
     * A new HTTP/1.1 client on virtual threads. Building one cold takes about 0.1 s (TLS defaults, a selector
     * thread), which is why a session builds it while its runtime is still booting.
     */
    public static HttpClient newHttp() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    /**
     * Aborts what is still in flight and ends the client's selector thread: a JVM exits only ~0.3 s after
     * System.exit while a thread of its own still waits in native code.
     */
    @Override
    public void close() {
        http.shutdownNow();
        try {
            http.awaitTermination(CLOSE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public URI base() {
        return base;
    }

    @Override
    public Transport transport() {
        return Transport.V1;
    }

    /**
     * The server process runs and GET /api/__health answers 200 within {@code timeout}: once the process is gone,
     * another runtime may hold its port and answer for it.
     */
    @Override
    public boolean answering(Duration timeout) {
        if (serverPid >= 0 && !ProcessTable.running(serverPid)) return false;
        try {
            HttpResponse<Void> r = http.send(
                    request("/api/__health").timeout(timeout).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** GET /api/actions: the registered actions keyed by action key. */
    @Override
    public JsonNode actions(Duration timeout) throws ActionFailure {
        HttpRequest request = request("/api/actions").timeout(timeout).GET().build();
        HttpResponse<String> r = await(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()), timeout, null);
        if (r.statusCode() != 200) throw ErrorEnvelope.fromHttp(r.statusCode(), r.body(), null);
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new ActionFailure(
                    ActionFailure.Kind.PROTOCOL,
                    "GET /api/actions did not return JSON: " + ErrorEnvelope.abbreviate(r.body()),
                    null);
        }
    }

    /** POST /api/runAction for {@code key} (e.g. /model/googleai/gemini-2.5-flash). */
    @Override
    public ActionResult run(String key, JsonNode input, boolean stream, Duration timeout, CallGate gate)
            throws ActionFailure {
        ObjectNode body = JSON.createObjectNode().put("key", key);
        body.set("input", input);
        HttpRequest request = request(stream ? "/api/runAction?stream=true" : "/api/runAction")
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        CallGate.Pass pass = gate.enter();
        return stream ? streamed(request, timeout, pass) : whole(request, timeout, pass);
    }

    private ActionResult whole(HttpRequest request, Duration timeout, CallGate.Pass pass) throws ActionFailure {
        long start = System.nanoTime();
        HttpResponse<String> r = await(
                sent(request, HttpResponse.BodyHandlers.ofString(), answer -> !answer.body().isBlank(), pass),
                timeout,
                null);
        long latency = elapsedMs(start);
        JsonNode result =
                finalEnvelope(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null));
        return new ActionResult(result, List.of(), latency, null);
    }

    private ActionResult streamed(HttpRequest request, Duration timeout, CallGate.Pass pass) throws ActionFailure {
        long start = System.nanoTime();
        LineCollector lines = new LineCollector(start);
        HttpResponse<Void> r = await(
                sent(request, HttpResponse.BodyHandlers.fromLineSubscriber(lines), answer -> lines.anyLine(), pass),
                timeout,
                lines);
        long latency = elapsedMs(start);
        List<String> received = lines.nonBlank();
        String last = received.isEmpty() ? "" : received.get(received.size() - 1);
        if (r.statusCode() != 200)
            throw ErrorEnvelope.fromHttp(
                    r.statusCode(),
                    String.join("\n", received),
                    r.headers().firstValue("Retry-After").orElse(null));
        JsonNode result = finalEnvelope(200, last, null);
        List<JsonNode> chunks = new ArrayList<>();
        for (String line : received.subList(0, received.size() - 1)) chunks.add(parse(line, "a stream chunk"));
        return new ActionResult(result, List.copyOf(chunks), latency, lines.firstLineMs());
    }

    /**
     * The request sent; {@code pass} is left as soon as the response is complete and {@code answered} (the runtime is
     * alive). After a failure, or a response that broke off, the caller leaves it once it knows what happened.
     */
    private <T> CompletableFuture<HttpResponse<T>> sent(
            HttpRequest request,
            HttpResponse.BodyHandler<T> body,
            Predicate<HttpResponse<T>> answered,
            CallGate.Pass pass) {
        CompletableFuture<HttpResponse<T>> response = http.sendAsync(request, body);
        response.thenAccept(r -> {
            if (answered.test(r)) pass.leave();
        });
        return response;
    }

    /**
     * A request on a connection of its own: Python's reflection server writes a response in several pieces, and on a
     * kept-alive connection the last one waits for this side's delayed ACK, ≈ 44 ms a call; a fresh connection is
     * acknowledged at once, and costs no more than keeping one alive, also for JS and Go (docs/runtimes.md). Sending
     * {@code Connection: close} needs {@code -Djdk.httpclient.allowRestrictedHeaders=connection} (conform.java's
     * runtime options).
     */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Connection", "close");
    }

    /** {"result": …} gives the result; {"error": …} or a non-200 status becomes an {@link ActionFailure}. */
    private static JsonNode finalEnvelope(int status, String body, String retryAfter) throws ActionFailure {
        if (status != 200) throw ErrorEnvelope.fromHttp(status, body, retryAfter);
        if (body == null || body.isBlank())
            throw new ActionFailure(
                    ActionFailure.Kind.PROTOCOL,
                    "the runtime ended the response without a result (was the action cancelled?)",
                    null);
        JsonNode envelope = parse(body.strip(), "the final response");
        if (envelope.hasNonNull("error")) throw ErrorEnvelope.fromEnvelope(envelope.get("error"));
        if (!envelope.has("result"))
            throw new ActionFailure(
                    ActionFailure.Kind.PROTOCOL,
                    "the final response has neither `result` nor `error`: " + ErrorEnvelope.abbreviate(body),
                    null);
        return envelope.get("result");
    }

    private static JsonNode parse(String text, String what) throws ActionFailure {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new ActionFailure(
                    ActionFailure.Kind.PROTOCOL, what + " is not JSON: " + ErrorEnvelope.abbreviate(text), null);
        }
    }

    private static <T> HttpResponse<T> await(
            CompletableFuture<HttpResponse<T>> call, Duration timeout, LineCollector lines) throws ActionFailure {
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            if (lines != null) lines.cancel();
            throw new ActionFailure(
                    ActionFailure.Kind.TIMEOUT,
                    "no complete answer within " + seconds(timeout)
                            + (lines == null ? "" : " (" + lines.describeProgress() + ")"),
                    null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ActionFailure(
                    ActionFailure.Kind.TRANSPORT, "connection to the runtime failed: " + describe(cause), null);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new ActionFailure(ActionFailure.Kind.TRANSPORT, "interrupted", null);
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    public static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0
                ? d.toSeconds() + "s"
                : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    private static long elapsedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
