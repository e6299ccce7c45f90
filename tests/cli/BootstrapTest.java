package conform.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conform.support.CheckoutCopy;
import conform.support.RepoRoot;
import conform.support.TempProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checkout's bootstrap as a user meets it, on a copy of the checkout: a compile error, and conform started from
 * another directory through `/path/to/checkout/jbang conform` or the JBang catalog (`jbang conform@genkit`).
 */
class BootstrapTest {

    /** This JVM's environment without a config chosen for conform, nor a launcher of its own. */
    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeAll(List.of("CONFORM_CONFIG", Launcher.PREFIX_VARIABLE, Launcher.CHECKOUT_VARIABLE));
        return env;
    }

    /** The JBang the bootstrap installed, which started these tests. */
    private static Path installedJBang(Map<String, String> env) throws IOException {
        String home = System.getProperty("user.home");
        Path cache = env.containsKey("CONFORM_CACHE_DIR")
                ? Path.of(env.get("CONFORM_CACHE_DIR"))
                : Path.of(env.getOrDefault("XDG_CACHE_HOME", home + "/.cache"), "conform");
        try (Stream<Path> dirs = Files.list(cache)) {
            return dirs.filter(dir -> dir.getFileName().toString().startsWith("jbang-") && Files.isDirectory(dir))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no JBang installed by the bootstrap in " + cache));
        }
    }

    /** The README's `jbang catalog add …` line, for a checkout at {@code checkout}. */
    private static List<String> catalogAddLine(Path checkout) throws Exception {
        Matcher line = Pattern.compile("`(jbang catalog add [^`]*)`")
                .matcher(Files.readString(RepoRoot.find().resolve("README.md")));
        assertTrue(line.find(), "the README says how to add the catalog");
        return List.of(
                line.group(1).replace("/path/to/conform", checkout.toString()).split(" "));
    }

    @Test
    void aCompileErrorIsAUsageErrorWithJavacsMessage() throws Exception {
        try (CheckoutCopy copy = LaunchCacheTest.checkoutCopy()) {
            Path validator = copy.path("lib/validate/builtin/Reasoning.java");
            Files.writeString(validator, Files.readString(validator).replaceFirst(";", ""));
            CheckoutCopy.Launch run = copy.jbang(environment(), "conform", "--version");
            assertEquals(2, run.code(), "a compile error is the user's to fix, as a bad config is:\n" + run);
            assertTrue(run.err().contains("Reasoning.java:1: error: ';' expected"), "javac's message:\n" + run);
        }
    }

    @Test
    void theCheckoutsBootstrapStartsItsConformFromAnyDirectory() throws Exception {
        try (CheckoutCopy copy = LaunchCacheTest.checkoutCopy();
                TempProject elsewhere = TempProject.create()) {
            String jbang = copy.path("jbang").toString();
            CheckoutCopy.Launch list = copy.run(List.of(jbang, "conform", "list"), elsewhere.root(), environment());
            assertEquals(0, list.code(), list.toString());
            assertTrue(
                    list.out().contains("config " + copy.path("conform.toml")),
                    "no conform.toml above the current directory: the checkout's own\n" + list);

            CheckoutCopy.Launch bare = copy.run(List.of(jbang, "conform"), elsewhere.root(), environment());
            assertEquals(2, bare.code(), bare.toString());
            assertTrue(
                    bare.err().contains("`" + jbang + " conform check-model --dry-run`"),
                    "hints name conform as it was started:\n" + bare);

            CheckoutCopy.Launch completion =
                    copy.run(List.of(jbang, "conform", "completion", "bash"), elsewhere.root(), environment());
            assertTrue(
                    completion.out().contains("\nalias conform='" + jbang + " conform'\n"),
                    "the completion script makes `conform` the bootstrap's command:\n" + completion);
        }
    }

    @Test
    void theCatalogAliasStartsTheCatalogsConformFromAnyDirectory() throws Exception {
        try (CheckoutCopy copy = LaunchCacheTest.checkoutCopy();
                TempProject elsewhere = TempProject.create()) {
            // A JBang of its own for this test, so the user's catalogs stay as they are; the build cache is shared.
            Map<String, String> env = environment();
            Path userJBang = Path.of(System.getProperty("user.home"), ".jbang");
            String cache = env.getOrDefault(
                    "JBANG_CACHE_DIR",
                    Path.of(env.getOrDefault("JBANG_DIR", userJBang.toString()), "cache")
                            .toString());
            env.put("JBANG_DIR", elsewhere.path("jbang-dir").toString());
            env.put("JBANG_CACHE_DIR", cache);
            // And a bootstrap cache of its own (the launch lines it keeps), with a copy of the installed JBang.
            Path cacheDir = Files.createDirectories(elsewhere.path("conform-cache"));
            Path installed = installedJBang(env);
            Path jbangHome = Files.createDirectories(cacheDir.resolve(installed.getFileName()));
            CheckoutCopy.cpA(installed, jbangHome);
            env.put("CONFORM_CACHE_DIR", cacheDir.toString());
            String jbang = copy.path("jbang").toString();
            // The README's own line, run where it once went wrong: inside the checkout, whose jbang-catalog.json is
            // the nearest one.
            byte[] checkoutsCatalog = Files.readAllBytes(copy.path("jbang-catalog.json"));
            List<String> documented = new ArrayList<>(catalogAddLine(copy.root()));
            documented.set(0, jbang);
            CheckoutCopy.Launch add = copy.run(documented, copy.root(), env);
            assertEquals(0, add.code(), add.toString());
            assertArrayEquals(
                    checkoutsCatalog,
                    Files.readAllBytes(copy.path("jbang-catalog.json")),
                    "the checkout's catalog is left as it is:\n" + documented);

            CheckoutCopy.Launch list = copy.run(List.of(jbang, "conform@genkit", "list"), elsewhere.root(), env);
            assertEquals(0, list.code(), list.toString());
            assertTrue(list.out().contains("config " + copy.path("conform.toml")), list.toString());

            CheckoutCopy.Launch completion =
                    copy.run(List.of(jbang, "conform@genkit", "completion", "bash"), elsewhere.root(), env);
            assertTrue(
                    completion.out().contains("\nalias conform='jbang conform@genkit'\n"),
                    "the alias tells conform how it was started:\n" + completion);

            // Cached now: with JBang gone (and no Maven to fetch it), the alias still starts conform until the
            // checkout's sources or a catalog file JBang reads change.
            Files.move(jbangHome, jbangHome.resolveSibling("moved-away"));
            Map<String, String> noJBang = LaunchCacheTest.withoutMaven(elsewhere.root(), env);
            List<String> version = List.of(jbang, "conform@genkit", "--version");
            CheckoutCopy.Launch cached = copy.run(version, elsewhere.root(), noJBang);
            assertEquals(0, cached.code(), "a cached catalog launch needs no JBang:\n" + cached);
            assertTrue(cached.out().startsWith("conform "), cached.toString());

            Path validator = copy.path("lib/validate/builtin/TextNotEmpty.java");
            String source = Files.readString(validator);
            Files.writeString(validator, source + "\n");
            assertEquals(2, copy.run(version, elsewhere.root(), noJBang).code(), "a source edit goes through JBang");
            Files.writeString(validator, source);
            assertEquals(0, copy.run(version, elsewhere.root(), noJBang).code(), "the sources are as cached again");

            Path registry = elsewhere.path("jbang-dir/jbang-catalog.json");
            Files.writeString(registry, Files.readString(registry) + "\n");
            assertEquals(2, copy.run(version, elsewhere.root(), noJBang).code(), "a catalog edit goes through JBang");
        }
    }
}
