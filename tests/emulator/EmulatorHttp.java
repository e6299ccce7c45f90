package conform.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import conform.config.EmulatorDialect;
import conform.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** A dialect test's emulator on 127.0.0.1, and the HTTP calls a provider's SDK makes to it (with that SDK's headers). */
final class EmulatorHttp implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Emulator emulator;
    private final String[] headers;

    private EmulatorHttp(Emulator emulator, String[] headers) {
        this.emulator = emulator;
        this.headers = headers;
    }

    /** An emulator listing {@code models} for {@code dialect}, with no fault, no secrets and a silent log. */
    static EmulatorHttp start(EmulatorDialect dialect, List<String> models, String... headers) {
        return start(Map.of(dialect, models), null, Redactor.fromEnvironment(Map.of(), List.of()), line -> {}, headers);
    }

    /** @param headers name, value, name, value, … sent with every request */
    static EmulatorHttp start(
            Map<EmulatorDialect, List<String>> models,
            RunFault fault,
            Redactor redactor,
            Consumer<String> log,
            String... headers) {
        try {
            return new EmulatorHttp(
                    Emulator.start(
                            0,
                            EmulatedModels.listingAll(models),
                            fault,
                            redactor,
                            log,
                            ReferenceModel.Audience.CONFORMANCE_RUN),
                    headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return emulator.url();
    }

    HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.url() + pathAndQuery))
                .timeout(Duration.ofSeconds(10));
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return b;
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        return HTTP.send(request, body);
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).GET().build());
    }

    HttpResponse<String> post(String pathAndQuery, String body) throws IOException, InterruptedException {
        return send(request(pathAndQuery)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    HttpResponse<String> post(String pathAndQuery, JsonNode body) throws IOException, InterruptedException {
        return post(pathAndQuery, body.toString());
    }

    /**
     * Posts {@code body} and reads the answer until it ends; asserts that it ended as a dropped connection does (the
     * client's read fails) rather than as a complete body. Returns what arrived before the cut.
     */
    String postCut(String pathAndQuery, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = send(
                request(pathAndQuery)
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        // Cut inside a chunked body: a Content-Length left unsent is no cut to clients that do not enforce it
        // (botocore reads event streams with enforce_content_length=False).
        assertEquals(Optional.empty(), r.headers().firstValue("content-length"), "a stream is chunked");
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (InputStream in = r.body()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) received.write(buffer, 0, n);
        } catch (IOException cut) {
            return received.toString(StandardCharsets.UTF_8);
        }
        throw new AssertionError("the stream ended cleanly: " + received.toString(StandardCharsets.UTF_8));
    }

    /** A response body (or any JSON text) as a tree; a parse failure fails the test with the text. */
    static JsonNode json(String text) {
        try {
            return Wire.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** Asserts a 429 whose Retry-After header says {@code seconds}; returns its error document. */
    static JsonNode assertRateLimited(HttpResponse<String> response, String seconds) {
        assertEquals(429, response.statusCode(), response.body());
        assertEquals(seconds, response.headers().firstValue("Retry-After").orElse(""), "Retry-After");
        return json(response.body());
    }

    /** JSON written with single quotes, for readability. */
    static JsonNode quoted(String text) {
        return json(text.replace('\'', '"'));
    }

    /** The documents of an SSE body's {@code data:} lines, in order. */
    static List<JsonNode> sseData(String body) {
        return body.lines()
                .filter(l -> l.startsWith("data: "))
                .map(l -> json(l.substring(6)))
                .toList();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
