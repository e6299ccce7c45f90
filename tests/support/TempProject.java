package conform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway project directory with a conform.toml, specs and entries, written by a test. As a
 * {@code @RegisterExtension} field it is deleted after each test; elsewhere, close it.
 */
public final class TempProject implements AutoCloseable, AfterEachCallback {

    /** A config with the js and python runtimes at their conventional places. */
    public static final String MINIMAL_CONFIG = """
        [conform]

        [conform.runtimes.js]

        [conform.runtimes.python]
        """;

    /** A plugin that needs a variable, to add to a config; the test writes specs/needs-key.yaml, which it then needs. */
    public static final String NEEDS_KEY_ENV = """

        [conform.env]
        needs-key = ["CONFORM_TEST_KEY"]
        """;

    private final Path root;

    private TempProject(Path root) {
        this.root = root;
    }

    public static TempProject create() {
        try {
            return new TempProject(Files.createTempDirectory("conform-test-").toRealPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A project with {@link #MINIMAL_CONFIG}, one spec ({@code echo}) and js + python entries for it. */
    public static TempProject standard() {
        return create().write("conform.toml", MINIMAL_CONFIG)
                .write("specs/echo.yaml", "- model: conformtest/echo\n  supports: [multiturn, system-role]\n")
                .write("entries/js/echo.ts", "// entry")
                .write("entries/python/echo.py", "# entry");
    }

    public Path root() {
        return root;
    }

    public Path path(String relative) {
        return root.resolve(relative);
    }

    public TempProject write(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TempProject delete(String relative) {
        try {
            Files.deleteIfExists(root.resolve(relative));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp dir left behind is harmless
        }
    }
}
