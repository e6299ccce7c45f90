import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The baseline for conform's per-test overhead: the same runAction requests sent one after another with the same
 * JDK HttpClient (HTTP/1.1, keep-alive), with nothing else. It is measured as conform's tests are: from the first
 * call to a freshly started runtime (whose first call sets up tracing), without a warm-up, so the difference is
 * what conform itself adds. Prints "mean_ms median_ms" of N calls.
 * Usage: java RawHttp.java <reflection server URL> <request body file> <calls>
 */
public class RawHttp {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String body = Files.readString(Path.of(args[1]));
        int calls = Integer.parseInt(args[2]);
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(url.replace("localhost", "127.0.0.1") + "/api/runAction"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        // Like conform (and any client that checks the model is there), list the actions first.
        HttpRequest actions = HttpRequest.newBuilder(URI.create(url.replace("localhost", "127.0.0.1") + "/api/actions"))
                .timeout(Duration.ofSeconds(30))
                .build();
        if (http.send(actions, HttpResponse.BodyHandlers.ofString()).statusCode() != 200)
            throw new IllegalStateException("GET /api/actions failed");
        double[] ms = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            check(http.send(request, HttpResponse.BodyHandlers.ofString()));
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        double mean = Arrays.stream(ms).average().orElse(0);
        Arrays.sort(ms);
        System.out.printf("%.3f %.3f%n", mean, ms[calls / 2]);
    }

    private static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200 || !r.body().contains("\"result\""))
            throw new IllegalStateException(r.statusCode() + " " + r.body());
    }
}
