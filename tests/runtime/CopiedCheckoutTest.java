package conform.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conform.diag.ExitCode;
import conform.support.CheckoutCopy;
import conform.support.CliRun;
import conform.support.Fixtures;
import conform.support.RealRuntimes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A set-up checkout copied with `cp -a`, as users copy or move them: the copy keeps every fresh setup step, runs
 * the fixture model in all three real runtimes, and installs new packages into its own venv, never into the
 * original's (whose pip names the original's interpreter).
 */
@ExtendWith(RealRuntimes.class)
class CopiedCheckoutTest {

    private static final String CONFIG = "tests/fixtures/conform.toml";

    @Test
    void aCopiedCheckoutKeepsWhatIsFreshAndLeavesTheOriginalUntouched() throws Exception {
        // The original: the checkout's fixture runtimes and the genkit CLI, installed (RealRuntimes), with their
        // config.
        try (CheckoutCopy original = CheckoutCopy.of("entries", "tests/fixtures", "entries/genkit-cli")) {
            Map<String, String> untouched = listing(original.root());
            try (CheckoutCopy copy = original.copy()) {
                Fixtures.Outcome run = Fixtures.checkModel(
                        copy.root(), copy.path(CONFIG), copy.path("report"), "--runtime", "js,python,go");
                run.cli().expect(ExitCode.OK);
                assertEquals(27, run.results().get("results").size(), "9 tests in each runtime:\n" + run);
                for (String runtime : new String[] {"js", "python", "go"}) {
                    assertFalse(
                            Files.exists(copy.path("report/logs/setup-" + runtime + ".log")),
                            "no setup step of " + runtime + " ran again in the copy:\n" + run);
                }

                Files.writeString(
                        copy.path("entries/python/requirements.txt"),
                        "\niniconfig==2.0.0\n",
                        StandardOpenOption.APPEND);
                CliRun setup = CliRun.withProcessEnvironment(
                        copy.root(), "setup", "--config", copy.path(CONFIG).toString(), "--no-color");
                setup.expect(ExitCode.OK)
                        .expectErr(
                                "js: up to date",
                                "python: .venv/bin/python -m pip install",
                                "go: up to date",
                                "genkit-cli: up to date");
                assertFalse(setup.err().contains("venv .venv"), "the copied venv serves the copy:\n" + setup);
                assertTrue(installed(copy, "iniconfig"), "the copy's venv has the new package:\n" + setup);
            }
            assertFalse(installed(original, "iniconfig"), "the original's venv does not");
            assertEquals(untouched, listing(original.root()), "the original is exactly as it was");
        }
    }

    private static boolean installed(CheckoutCopy checkout, String pkg) throws IOException {
        try (Stream<Path> lib = Files.list(checkout.path("entries/python/.venv/lib"))) {
            return lib.anyMatch(
                    python -> Files.isDirectory(python.resolve("site-packages").resolve(pkg)));
        }
    }

    /** Every file, folder and link under {@code root}: its kind, size, modification time and link target. */
    private static Map<String, String> listing(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.toList()) {
                BasicFileAttributes a =
                        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                entries.put(
                        root.relativize(path).toString(),
                        (a.isSymbolicLink() ? "link " + Files.readSymbolicLink(path) : a.isDirectory() ? "dir" : "file")
                                + " " + a.size() + " " + a.lastModifiedTime().toInstant());
            }
        }
        return entries;
    }
}
