package conform.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run from (they run from its root, or below it). */
public final class RepoRoot {

    private RepoRoot() {}

    public static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("conform.java")) && Files.isRegularFile(dir.resolve("conform.toml")))
                return dir;
        }
        throw new IllegalStateException("run the tests from inside the conform checkout");
    }
}
