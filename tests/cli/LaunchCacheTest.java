package conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conform.support.CheckoutCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap's launch cache, on a copy of the checkout: a cached `./jbang conform` needs no JBang at all; an edit
 * inside a method under lib/ is compiled alone over the last build, also without JBang; any other edit, or a jar that
 * went missing, sends the next run back through JBang. "No JBang" is made
 * observable with an empty JBang cache and a `mvn` that fails: any run that needs JBang then exits 2. And a
 * stopped launch takes the JVMs it started with it.
 */
class LaunchCacheTest {

    @Test
    void aCachedLaunchSkipsJBangAnEditInsideAMethodCompilesAloneAndAnyOtherEditRebuilds() throws Exception {
        try (CheckoutCopy copy = checkoutCopy()) {
            Path root = copy.root();
            Map<String, String> real = new HashMap<>(System.getenv());
            Map<String, String> noJBang = withoutMaven(root, real);
            noJBang.put(
                    "CONFORM_CACHE_DIR",
                    Files.createDirectories(root.resolve("empty-cache")).toString());
            // Every temp file of the launches below (the bootstrap's, its quick rebuild's) is to be gone after them.
            Path temp = Files.createDirectories(root.resolve("temp"));
            noJBang.put("TMPDIR", temp.toString());
            noJBang.put("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + temp);

            CheckoutCopy.Launch first = version(copy, real);
            assertEquals(0, first.code(), first.err());
            assertEquals(
                    List.of("conform 0.1.0"),
                    first.out().lines().limit(1).toList(),
                    "the version and nothing else on stdout:\n" + first.out());
            assertEquals(3, first.out().lines().count(), "nothing but the version lines on stdout:\n" + first.out());
            assertTrue(Files.isRegularFile(root.resolve(".conform/launch/command")), "the java command line is cached");
            if (Runtime.version().feature() >= 24) {
                assertTrue(
                        Files.isRegularFile(root.resolve(".conform/launch/conform.aot")),
                        "an AOT cache on JDK 24+:\n" + first.err());
            }

            CheckoutCopy.Launch cached = version(copy, noJBang);
            assertEquals(0, cached.code(), "a cached launch must not need JBang:\n" + cached.err());
            assertTrue(cached.out().startsWith("conform 0.1.0"), cached.out());

            Path command = root.resolve("lib/cli/ConformCommand.java");
            String source = Files.readString(command);
            Files.writeString(command, source.replace("\"picocli \" +", "\"picocli (edited) \" +"));
            CheckoutCopy.Launch quick = version(copy, noJBang);
            assertEquals(0, quick.code(), "an edit inside a method is compiled without JBang:\n" + quick);
            assertTrue(quick.out().contains("picocli (edited) "), "the edit is what runs:\n" + quick);
            assertTrue(quick.err().contains("compiling 1 edited source(s)"), quick.err());
            CheckoutCopy.Launch quickAgain = version(copy, noJBang);
            assertTrue(quickAgain.out().contains("picocli (edited) "), quickAgain.toString());
            assertFalse(quickAgain.err().contains("compiling"), "compiled once per edit:\n" + quickAgain);

            Files.writeString(command, source.replace("\"picocli \" + CommandLine.VERSION", "\"picocli \" + VERSIO"));
            CheckoutCopy.Launch broken = version(copy, noJBang);
            assertEquals(2, broken.code(), broken.toString());
            assertTrue(
                    broken.err().contains("lib/cli/ConformCommand.java:")
                            && broken.err().contains("error: cannot find symbol"),
                    "javac's message with the file and line:\n" + broken);
            assertFalse(broken.err().contains("\tat "), "no stack trace:\n" + broken);

            Files.writeString(
                    command, source.replace("public static final String VERSION", "static final String VERSION"));
            CheckoutCopy.Launch surface = version(copy, noJBang);
            assertEquals(
                    2,
                    surface.code(),
                    "an edit that changes what other classes compile against goes through JBang (here: fails to"
                            + " install it):\n"
                            + surface);
            assertTrue(surface.err().contains("rebuilding everything"), surface.toString());
            Files.writeString(command, source);

            Files.writeString(
                    command, Files.readString(command).replace("VERSION = \"0.1.0\"", "VERSION = \"0.1.0-edited\""));
            CheckoutCopy.Launch stale = version(copy, noJBang);
            assertEquals(
                    2,
                    stale.code(),
                    "after an edit the run must go through JBang (here: fail to install it):\n" + stale.out()
                            + stale.err());

            CheckoutCopy.Launch rebuilt = version(copy, real);
            assertEquals(0, rebuilt.code(), rebuilt.err());
            assertTrue(
                    rebuilt.out().startsWith("conform 0.1.0-edited"),
                    "JBang rebuilt from the edited source:\n" + rebuilt.out());
            CheckoutCopy.Launch cachedAgain = version(copy, noJBang);
            assertTrue(
                    cachedAgain.out().startsWith("conform 0.1.0-edited"),
                    "the new command line is the cached one:\n" + cachedAgain.out() + cachedAgain.err());

            Path jar = cachedJar(root);
            Files.delete(jar);
            CheckoutCopy.Launch jarGone = version(copy, noJBang);
            assertEquals(
                    2,
                    jarGone.code(),
                    "a jar missing from the cached class path sends the run back through JBang:\n" + jarGone.err());
            assertFalse(Files.exists(jar));
            try (Stream<Path> left = Files.list(temp)) {
                assertEquals(List.of(), left.toList(), "launches leave nothing in the temp dir");
            }
        }
    }

    @Test
    void aLaunchStoppedWhileItsCacheIsTrainedLeavesNoJvmBehind() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() >= 24, "the start-up cache is trained on JDK 24+ only");
        try (CheckoutCopy copy = checkoutCopy()) {
            Path root = copy.root();
            Path err = root.resolve("err.txt");
            Process p = CheckoutCopy.start(VERSION, root, System.getenv(), root.resolve("out.txt"), err);
            try {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                while (!Files.readString(err).contains("training") && p.isAlive() && System.nanoTime() < deadline)
                    Thread.sleep(50);
                assertTrue(p.isAlive(), "the launch ended before its training run:\n" + Files.readString(err));
                Thread.sleep(200);
                // SIGTERM to the bootstrap alone (Ctrl-C reaches the same trap): it must stop the training JVM it
                // started.
                p.destroy();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launch did not end after SIGTERM");
                assertEquals(143, p.exitValue(), Files.readString(err));
                List<String> left = ProcessHandle.allProcesses()
                        .filter(h -> h.info().commandLine().orElse("").contains(root.toString()))
                        .map(h -> h.pid() + " " + h.info().commandLine().orElse(""))
                        .toList();
                assertEquals(List.of(), left, "processes of the stopped launch");
                try (Stream<Path> files = Files.list(root.resolve(".conform/launch"))) {
                    assertEquals(
                            List.of(),
                            files.filter(f -> f.getFileName().toString().startsWith("training."))
                                    .toList(),
                            "the half-made training file is removed");
                }
            } finally {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
            }
        }
    }

    private static final List<String> VERSION = List.of("./jbang", "conform", "--version");

    /**
     * The files of the checkout that `./jbang conform` needs, in a fresh directory (so its launch cache is empty); the
     * runtimes' entry folders conform.toml names exist, empty: conform checks them, and nothing here runs an entry.
     */
    static CheckoutCopy checkoutCopy() {
        CheckoutCopy copy =
                CheckoutCopy.of("conform.java", "jbang", "jbang-catalog.json", "conform.toml", "lib", "specs");
        for (String runtime : List.of("js", "python", "go")) {
            try {
                Files.createDirectories(copy.path("entries").resolve(runtime));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return copy;
    }

    /** {@code env} with a `mvn` that fails first on its PATH: a run that must install JBang then exits 2. */
    static Map<String, String> withoutMaven(Path dir, Map<String, String> env) throws IOException {
        Path fakeBin = Files.createDirectories(dir.resolve("fake-bin"));
        Files.writeString(fakeBin.resolve("mvn"), "#!/bin/sh\necho 'mvn: not reachable in this test' >&2\nexit 1\n");
        fakeBin.resolve("mvn").toFile().setExecutable(true);
        Map<String, String> without = new HashMap<>(env);
        without.put("PATH", fakeBin + ":" + env.get("PATH"));
        return without;
    }

    private static CheckoutCopy.Launch version(CheckoutCopy copy, Map<String, String> env)
            throws IOException, InterruptedException {
        return copy.jbang(env, "conform", "--version");
    }

    /** conform's jar, the first entry of the cached class path. */
    private static Path cachedJar(Path root) throws IOException {
        String command = Files.readString(root.resolve(".conform/launch/command"));
        String classpath = command.replaceAll("(?s).*-classpath (\\S+).*", "$1");
        return Path.of(classpath.split(":")[0]);
    }
}
