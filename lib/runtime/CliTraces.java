package conform.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The failed model actions the genkit CLI's telemetry server recorded in a run's project root ({@code .genkit/traces},
 * a JSON file per trace). For a Python or Go runtime's error the CLI prints only the error's details
 * ({@code {"traceId": …}}, Python's with a null id), and the runtime's message is only here, in the failed span's
 * {@code genkit:error} (or its status).
 */
public final class CliTraces {

    /** A model action that failed: its trace, the input it was called with, and why it failed. */
    public record FailedAction(String traceId, JsonNode input, String message) {}

    private CliTraces() {}

    /** Every failed model action recorded under {@code projectRoot}; none when nothing was (or could be) read. */
    static List<FailedAction> read(Path projectRoot) {
        Path dir = projectRoot.resolve(".genkit/traces");
        if (!Files.isDirectory(dir)) return List.of();
        List<FailedAction> failed = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                for (JsonNode span : spans(file)) {
                    JsonNode attributes = span.path("attributes");
                    if (!"error".equals(attributes.path("genkit:state").asText())
                            || !"model"
                                    .equals(attributes
                                            .path("genkit:metadata:subtype")
                                            .asText())) continue;
                    String message = attributes.path("genkit:error").asText("");
                    if (message.isBlank())
                        message = span.path("status").path("message").asText("");
                    JsonNode input = parse(attributes.path("genkit:input").asText(""));
                    if (!message.isBlank() && input != null)
                        failed.add(new FailedAction(span.path("traceId").asText(""), input, message));
                }
            }
        } catch (IOException e) {
            return failed; // the directory went away with its run: what was read is all there is
        }
        return failed;
    }

    private static Iterable<JsonNode> spans(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile()).path("spans");
        } catch (IOException e) {
            return List.of(); // a trace still being written, or not a trace
        }
    }

    private static JsonNode parse(String text) {
        try {
            return text.isBlank() ? null : Json.MAPPER.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }
}
