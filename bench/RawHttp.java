import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The baseline for conform's per-test overhead: the same runAction requests sent one after another over the same
 * transport conform uses, with nothing else — no validation, no bookkeeping. It is measured as conform's tests are: from
 * the first call to a freshly started runtime (whose first call sets up tracing), without a warm-up, so the difference
 * is what conform itself adds. Prints "mean_ms median_ms" of the calls.
 *
 * <pre>
 * v1:            java -cp … RawHttp.java v1 URL BODY CALLS [stream]     the JDK HttpClient, a connection per call, as conform
 * v1-keepalive:  java -cp … RawHttp.java v1-keepalive URL BODY CALLS [stream]   one kept-alive connection (conform before)
 * v2:            java -cp … RawHttp.java v2 BODY CALLS stream|plain CWD COMMAND...
 * </pre>
 *
 * The class path (…) holds Java-WebSocket and slf4j, as conform's does, and v1 needs
 * {@code -Djdk.httpclient.allowRestrictedHeaders=connection}, as conform does.
 * v1 takes the URL of a runtime already running; v2 starts COMMAND in CWD with GENKIT_REFLECTION_V2_SERVER pointing at a
 * WebSocket server of its own (the library and options conform uses), waits for its register, and stops it at the end.
 * BODY is a file with a runAction request ({"key": …, "input": …}).
 */
public class RawHttp {

    // Python writes JSON with spaces after ':' and ','; JS without.
    private static final Pattern REGISTER = Pattern.compile("\"method\"\\s*:\\s*\"register\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]*)\"");

    public static void main(String[] args) throws Exception {
        String body = Files.readString(Path.of(args[args[0].equals("v2") ? 1 : 2]));
        double[] ms = args[0].equals("v2") ? v2(args, body) : v1(args, body);
        double mean = Arrays.stream(ms).average().orElse(0);
        Arrays.sort(ms);
        System.out.printf("%.3f %.3f%n", mean, ms[ms.length / 2]);
    }

    private static double[] v1(String[] args, String body) throws Exception {
        boolean close = args[0].equals("v1");
        URI base = URI.create(args[1].replace("localhost", "127.0.0.1"));
        int calls = Integer.parseInt(args[3]);
        boolean stream = args.length > 4 && args[4].equals("stream");
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // Like conform (and any client that checks the model is there), list the actions first.
        if (http.send(request(base, "/api/actions", close).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode()
                != 200) throw new IllegalStateException("GET /api/actions failed");
        HttpRequest run = request(base, stream ? "/api/runAction?stream=true" : "/api/runAction", close)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        double[] ms = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(run, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !r.body().contains("\"result\""))
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return ms;
    }

    private static HttpRequest.Builder request(URI base, String path, boolean close) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        return close ? builder.header("Connection", "close") : builder;
    }

    private static double[] v2(String[] args, String body) throws Exception {
        int calls = Integer.parseInt(args[2]);
        boolean stream = args[3].equals("stream");
        LinkedBlockingQueue<String> answers = new LinkedBlockingQueue<>();
        CompletableFuture<WebSocket> registered = new CompletableFuture<>();
        CompletableFuture<Void> started = new CompletableFuture<>();
        WebSocketServer server = new WebSocketServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1) {
            @Override
            public void onStart() {
                started.complete(null);
            }

            @Override
            public void onOpen(WebSocket connection, ClientHandshake handshake) {}

            @Override
            public void onMessage(WebSocket connection, String message) {
                if (REGISTER.matcher(message).find()) {
                    Matcher id = ID.matcher(message);
                    if (!id.find()) throw new IllegalStateException("register without an id: " + message);
                    connection.send("{\"jsonrpc\":\"2.0\",\"id\":\"" + id.group(1) + "\",\"result\":{}}");
                    registered.complete(connection);
                } else if (!message.contains("\"method\"")) {
                    answers.add(message); // an answer; notifications (runActionState, streamChunk) are not
                }
            }

            @Override
            public void onClose(WebSocket connection, int code, String reason, boolean remote) {}

            @Override
            public void onError(WebSocket connection, Exception e) {
                started.completeExceptionally(e);
            }
        };
        server.setTcpNoDelay(true);
        server.setConnectionLostTimeout(0);
        server.setDaemon(true);
        server.start();
        started.get(10, TimeUnit.SECONDS);
        ProcessBuilder builder = new ProcessBuilder(List.of(args).subList(5, args.length))
                .directory(new File(args[4]))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("GENKIT_ENV", "dev");
        builder.environment().put("GENKIT_REFLECTION_V2_SERVER", "ws://127.0.0.1:" + server.getPort());
        Process runtime = builder.start();
        try {
            WebSocket connection = registered.get(120, TimeUnit.SECONDS);
            connection.send("{\"jsonrpc\":\"2.0\",\"id\":\"list\",\"method\":\"listActions\",\"params\":{}}");
            answers.poll(30, TimeUnit.SECONDS);
            String params = body.strip();
            params = params.substring(0, params.length() - 1) + ",\"stream\":" + stream + "}";
            double[] ms = new double[calls];
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                connection.send("{\"jsonrpc\":\"2.0\",\"id\":\"call-" + i + "\",\"method\":\"runAction\",\"params\":"
                        + params + "}");
                String answer = answers.poll(30, TimeUnit.SECONDS);
                if (answer == null || !answer.contains("\"result\""))
                    throw new IllegalStateException("runAction: " + answer);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            return ms;
        } finally {
            runtime.descendants().forEach(ProcessHandle::destroy);
            runtime.destroy();
            runtime.waitFor(10, TimeUnit.SECONDS);
            server.stop(1000);
        }
    }
}
