package conform.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's side of reflection API v2, played by a test over the JDK's WebSocket client: it dials conform's server,
 * says what a Genkit runtime says (register, streamChunk, answers) and shows what conform sent it.
 */
final class ScriptedV2Runtime implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final CompletableFuture<ByteBuffer> pong = new CompletableFuture<>();
    private final WebSocket socket;

    private ScriptedV2Runtime(URI server) {
        socket = http.newWebSocketBuilder().buildAsync(server, new Listener()).join();
    }

    static ScriptedV2Runtime dial(URI server) {
        return new ScriptedV2Runtime(server);
    }

    /** Registers as {@code pid} (a JSON number as written, e.g. 1234.0 as Python sends it) and returns the answer. */
    JsonNode register(String pid) throws Exception {
        send(
                "{\"jsonrpc\":\"2.0\",\"id\":\"1\",\"method\":\"register\",\"params\":{\"id\":\"r\",\"pid\":" + pid
                        + ",\"name\":\"scripted\",\"genkitVersion\":\"test\",\"reflectionApiSpecVersion\":1,\"envs\":[\"dev\"]}}");
        return next();
    }

    /** The next message conform sent. */
    JsonNode next() throws InterruptedException {
        JsonNode message = received.poll(30, TimeUnit.SECONDS);
        if (message == null) throw new AssertionError("conform sent nothing within 30 s");
        return message;
    }

    void notify(String method, String requestId, String key, JsonNode value) {
        ObjectNode params = JSON.createObjectNode().put("requestId", requestId);
        params.set(key, value);
        ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
        message.set("params", params);
        send(message.toString());
    }

    void answer(JsonNode id, JsonNode result) {
        ObjectNode message = JSON.createObjectNode().put("jsonrpc", "2.0");
        message.set("id", id);
        message.set("result", result);
        send(message.toString());
    }

    void fail(JsonNode id, String error) {
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":" + error + "}");
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    ByteBuffer ping() throws Exception {
        socket.sendPing(ByteBuffer.wrap(new byte[] {42})).join();
        return pong.get(30, TimeUnit.SECONDS);
    }

    /** Completes when conform closed the connection. */
    CompletableFuture<Void> closed() {
        return closed;
    }

    /** Drops the connection without a word, as a runtime whose socket broke. */
    void drop() {
        socket.abort();
    }

    @Override
    public void close() {
        socket.abort();
        http.shutdownNow();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new AssertionError("conform sent what is not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            pong.complete(message);
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(null);
        }
    }
}
