package conform.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The discovery file a Genkit runtime writes to {@code <project root>/.genkit/runtimes/}. conform accepts only
 * a file whose {@code pid} belongs to the process tree it started, so it never attaches to someone else's
 * runtime (a developer's {@code genkit start}, or another plugin's), never deletes theirs, and ignores stale ones.
 */
public record RuntimeFile(Path path, String id, long pid, URI reflectionUrl) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Path directory(Path projectRoot) {
        return projectRoot.resolve(".genkit").resolve("runtimes");
    }

    /**
     * The newest valid file written by a process of {@code tree}, if there is one yet. Files found to be another's are
     * added to {@code foreign} and not read again: a poll that checked their pids every time (a developer's runtime, the
     * other runs of the same project) would walk the process table for each.
     */
    public static Optional<RuntimeFile> find(Path projectRoot, ProcessTree tree, Set<Path> foreign) {
        Path dir = directory(projectRoot);
        if (!Files.isDirectory(dir)) return Optional.empty();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json") && !foreign.contains(p))
                    .map(RuntimeFile::read)
                    .flatMap(Optional::stream)
                    .filter(f -> tree.contains(f.pid()) || !foreign.add(f.path()))
                    .max(Comparator.comparing(f -> f.path().getFileName().toString()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Removes the files in {@code projectRoot}'s runtime directory written by one of {@code pids} that has stopped: what
     * a runtime of ours left, killed before it could remove its file itself or crashed. A pid that runs again belongs
     * to another process by now, and its file is left alone.
     */
    static void removeLeftBy(Path projectRoot, Set<Long> pids) {
        Path dir = directory(projectRoot);
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .map(RuntimeFile::read)
                    .flatMap(Optional::stream)
                    .filter(f -> pids.contains(f.pid()) && !ProcessTable.running(f.pid()))
                    .forEach(f -> delete(f.path()));
        } catch (IOException e) {
            // an unreadable directory: every reader that checks pids ignores a stale file, conform included
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // as above: a stale file is ignored
        }
    }

    /** A file that parses and has a pid and a URL; anything else (half-written, foreign) is skipped. */
    static Optional<RuntimeFile> read(Path file) {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null
                    || !node.path("pid").canConvertToLong()
                    || !node.path("reflectionServerUrl").isTextual()) return Optional.empty();
            return Optional.of(new RuntimeFile(
                    file,
                    node.path("id").asText(""),
                    node.get("pid").asLong(),
                    loopback(URI.create(node.get("reflectionServerUrl").asText()))));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** localhost may resolve to ::1 first, where JS runtimes do not listen: always use 127.0.0.1. */
    static URI loopback(URI url) {
        if (!"localhost".equalsIgnoreCase(url.getHost())) return url;
        return URI.create(
                url.getScheme() + "://127.0.0.1" + (url.getPort() > 0 ? ":" + url.getPort() : "") + url.getRawPath());
    }
}
