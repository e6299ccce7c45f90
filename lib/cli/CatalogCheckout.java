package conform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checkout behind {@code jbang conform@genkit}. A JBang alias can hand its program only fixed values, never
 * where its catalog lives, so the alias names its catalog and this looks it up where JBang does: the nearest
 * jbang-catalog.json (or .jbang/jbang-catalog.json) walking up from the current directory that registers it, then
 * the user's {@code $JBANG_DIR/jbang-catalog.json} (~/.jbang by default). The checkout is the folder of the
 * catalog file registered.
 */
final class CatalogCheckout {

    private static final String CATALOG_FILE = "jbang-catalog.json";

    private CatalogCheckout() {}

    static Optional<Path> find(String catalog, Map<String, String> env, Path cwd) {
        List<Path> registries = new ArrayList<>();
        for (Path dir = cwd.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            registries.add(dir.resolve(CATALOG_FILE));
            registries.add(dir.resolve(".jbang").resolve(CATALOG_FILE));
        }
        registries.add(jbangDir(env).resolve(CATALOG_FILE));
        for (Path registry : registries) {
            Optional<Path> checkout = registered(registry, catalog);
            if (checkout.isPresent()) return checkout;
        }
        return Optional.empty();
    }

    private static Path jbangDir(Map<String, String> env) {
        String dir = env.get("JBANG_DIR");
        if (dir != null && !dir.isBlank()) return Path.of(dir);
        return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".jbang");
    }

    /** The folder of the catalog {@code registry} registers as {@code catalog}, when it is a local file. */
    private static Optional<Path> registered(Path registry, String catalog) {
        if (!Files.isRegularFile(registry)) return Optional.empty();
        try {
            JsonNode entry = new ObjectMapper()
                    .readTree(registry.toFile())
                    .path("catalogs")
                    .path(catalog);
            JsonNode ref = entry.has("catalog-ref") ? entry.get("catalog-ref") : entry.path("catalogRef");
            if (!ref.isTextual() || ref.asText().contains("://")) return Optional.empty();
            Path target = registry.getParent().resolve(ref.asText()).normalize();
            return Optional.of(target.getFileName().toString().endsWith(".json") ? target.getParent() : target);
        } catch (IOException | InvalidPathException unreadable) {
            return Optional.empty(); // not a catalog conform can read: JBang would not have used it either
        }
    }
}
