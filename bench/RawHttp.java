import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The baseline for conform's per-test overhead: the same runAction requests sent with the same JDK HttpClient
 * (HTTP/1.1, keep-alive), one after another, with nothing else. Prints "mean_ms median_ms" of N calls after a warm-up.
 * Usage: java RawHttp.java <reflection server URL> <request body file> <calls>
 */
public class RawHttp {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String body = Files.readString(Path.of(args[1]));
        int calls = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.replace("localhost", "127.0.0.1") + "/api/runAction"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        for (int i = 0; i < 50; i++) check(http.send(request, HttpResponse.BodyHandlers.ofString()));
        double[] ms = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            check(http.send(request, HttpResponse.BodyHandlers.ofString()));
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%.3f %.3f%n", Arrays.stream(ms).average().orElse(0), ms[calls / 2]);
    }

    private static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200 || !r.body().contains("\"result\"")) throw new IllegalStateException(r.statusCode() + " " + r.body());
    }
}
