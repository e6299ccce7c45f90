package conform.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A project root of one run's own: a temporary directory that links every entry of a runtime's project root but its
 * {@code .genkit} folder. The genkit CLI takes whichever runtime it finds in {@code <root>/.genkit/runtimes}, so two
 * of its runs in one project root (or one of its runs and one of conform's) can attach to each other's runtime; in a
 * root of its own a run finds only the runtime it started. The runtime it starts there writes its runtime file there
 * (JS and Go look for the nearest package.json or go.mod, Python uses its working directory, all found through the
 * links), the entry command's relative paths resolve through the links, and the CLI's traces go there too.
 */
final class PrivateRoot implements AutoCloseable {

    private final Path dir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PrivateRoot(Path dir) {
        this.dir = dir;
    }

    static PrivateRoot of(Path projectRoot) throws IOException {
        Path dir = Files.createTempDirectory("conform-root-");
        try (Stream<Path> entries = Files.list(projectRoot)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.equals(".genkit")) Files.createSymbolicLink(dir.resolve(name), entry.toAbsolutePath());
            }
        } catch (IOException e) {
            new PrivateRoot(dir).close();
            throw e;
        }
        return new PrivateRoot(dir);
    }

    Path dir() {
        return dir;
    }

    /**
     * Removes the directory and what the run wrote into it, once (the run's end and Ctrl-C may both stop its tree); a
     * link is removed as a link, never followed.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> deepestFirst = files.sorted(Comparator.reverseOrder()).toList();
            for (Path p : deepestFirst) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException e) {
            // in the temp dir: the system's clean-up removes what is left
        }
    }
}
