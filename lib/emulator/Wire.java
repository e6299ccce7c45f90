package conform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writing answers the way providers do: one JSON document, SSE events, or NDJSON lines, with faults applied. */
public final class Wire {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {}

    public static JsonNode readJson(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
    }

    /** The first of {@code fields} of {@code node} that is an integer, or null: an output token limit. */
    static Integer limit(JsonNode node, String... fields) {
        for (String field : fields)
            if (node.path(field).isIntegralNumber()) return node.path(field).asInt();
        return null;
    }

    public static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json", body.toString());
    }

    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0)
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        exchange.close();
    }

    /**
     * Applies the faults that replace an answer or delay it (429, 500, malformed non-streamed JSON, slow first
     * byte). Returns true when the request has been answered with the fault.
     *
     * @param errorBody the provider's error document for 429/500
     */
    public static boolean preFault(HttpExchange exchange, Fault fault, boolean streaming, JsonNode errorBody)
            throws IOException {
        switch (fault.kind()) {
            case RATE_LIMIT -> {
                exchange.getResponseHeaders()
                        .set("Retry-After", String.valueOf(Math.max(1, Math.round(fault.millis() / 1000.0))));
                exchange.getResponseHeaders().set("retry-after-ms", String.valueOf(fault.millis()));
                json(exchange, 429, errorBody);
                return true;
            }
            case SERVER_ERROR -> {
                json(exchange, 500, errorBody);
                return true;
            }
            case MALFORMED -> {
                if (streaming) return false;
                send(exchange, 200, "application/json", "{\"id\": \"truncated\", \"choices\": [");
                return true;
            }
            case SLOW_FIRST_BYTE -> {
                sleep(fault.millis());
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * A streamed answer: SSE ({@code event:}/{@code data:} records), NDJSON (one object per write) or AWS event-stream
     * frames (Bedrock's binary framing, {@link AwsEventStream}).
     */
    public static final class Stream implements AutoCloseable {
        private enum Framing {
            SSE,
            NDJSON,
            AWS_EVENTS
        }

        private final HttpExchange exchange;
        private final OutputStream out;
        private final Framing framing;
        private final Fault fault;
        private int sent;
        private boolean cut;

        private Stream(HttpExchange exchange, Framing framing, String contentType, Fault fault) throws IOException {
            this.exchange = exchange;
            this.framing = framing;
            this.fault = fault;
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            this.out = exchange.getResponseBody();
        }

        public static Stream sse(HttpExchange exchange, Fault fault) throws IOException {
            return new Stream(exchange, Framing.SSE, "text/event-stream", fault);
        }

        public static Stream ndjson(HttpExchange exchange, Fault fault) throws IOException {
            return new Stream(exchange, Framing.NDJSON, "application/x-ndjson", fault);
        }

        static Stream awsEvents(HttpExchange exchange, Fault fault) throws IOException {
            return new Stream(exchange, Framing.AWS_EVENTS, AwsEventStream.CONTENT_TYPE, fault);
        }

        /**
         * An event: an SSE record with a named event (Anthropic) or a bare data record when {@code event} is null; an
         * NDJSON line; or an event-stream frame whose {@code :event-type} is {@code event}.
         */
        public void event(String event, JsonNode data) throws IOException {
            String payload = fault.kind() == Fault.Kind.MALFORMED && sent == 0 ? "{\"broken\": " : data.toString();
            switch (framing) {
                case SSE -> write((event == null ? "" : "event: " + event + "\n") + "data: " + payload + "\n\n");
                case NDJSON -> write(payload + "\n");
                case AWS_EVENTS -> write(AwsEventStream.event(event, payload));
            }
        }

        /** A raw SSE data line such as OpenAI's {@code [DONE]}. */
        public void raw(String data) throws IOException {
            write(framing == Framing.SSE ? "data: " + data + "\n\n" : data + "\n");
        }

        private void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.UTF_8));
        }

        private void write(byte[] bytes) throws IOException {
            if (cut) return;
            out.write(bytes);
            out.flush();
            sent++;
            if (sent == 1 && fault.kind() == Fault.Kind.STALL) sleep(fault.millis());
            if (sent == 1 && fault.kind() == Fault.Kind.TRUNCATE) {
                cut = true;
                throw new DroppedConnection();
            }
        }

        @Override
        public void close() {
            if (cut) return; // closing would end the chunked body cleanly, with its last chunk
            try {
                out.close();
            } catch (IOException ignored) {
                // the client went away; nothing to tell it
            }
            exchange.close();
        }
    }

    /**
     * Thrown out of the server's handler to drop the connection of a truncated stream: the HTTP server closes the
     * socket of a handler that fails before its exchange is closed, so the chunked body never gets its last chunk and
     * every client's read fails, as when a provider's connection drops (a promised Content-Length left unsent would
     * not do: botocore reads event streams with {@code enforce_content_length=False}).
     */
    static final class DroppedConnection extends RuntimeException {
        DroppedConnection() {
            super("the stream was cut (truncate fault)", null, false, false);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
