package conform.diag;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where an error points, and the names it suggests. */
class LocationAndSuggestTest {

    @Test
    void locationsPrintAsFileLineColumn() {
        assertEquals("/a/b.yaml:3:7", new SourceLocation(Path.of("/a/b.yaml"), 3, 7).toString());
        assertEquals("/a/b.yaml:3", new SourceLocation(Path.of("/a/b.yaml"), 3, 0).toString());
        assertEquals("/a/b.yaml", SourceLocation.of(Path.of("/a/b.yaml")).toString());
    }

    @Test
    void locationsBelowTheWorkingDirectoryAreRelative() {
        Path inside = Path.of("").toAbsolutePath().resolve("specs/x.yaml");
        assertEquals("specs/x.yaml:1", new SourceLocation(inside, 1, 0).toString());
    }

    @Test
    void suggestionsFindCloseNames() {
        assertEquals(
                "concurrency",
                Suggest.closest("concurency", List.of("concurrency", "max-retries"))
                        .orElseThrow());
        assertEquals(
                "system-role",
                Suggest.closest("System-Role", List.of("system-role")).orElseThrow());
        assertTrue(Suggest.closest("zzzzzz", List.of("concurrency")).isEmpty());
        assertEquals("", Suggest.didYouMean("zzzzzz", List.of("a")));
    }

    @Test
    void editDistanceIsLevenshtein() {
        assertEquals(0, Suggest.distance("abc", "abc"));
        assertEquals(1, Suggest.distance("abc", "abd"));
        assertEquals(3, Suggest.distance("", "abc"));
        assertEquals(3, Suggest.distance("kitten", "sitting"));
    }
}
