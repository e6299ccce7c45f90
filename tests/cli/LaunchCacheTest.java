package conform.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import conform.support.RepoRoot;
import conform.support.TempProject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap's launch cache, on a copy of the checkout: a cached `./jbang conform` needs no JBang at all, and
 * an edit under lib/ or a jar that went missing sends the next run back through JBang. "No JBang" is made
 * observable with an empty JBang cache and a `mvn` that fails: any run that needs JBang then exits 2. And a
 * stopped launch takes the JVMs it started with it.
 */
class LaunchCacheTest {

    private record Run(int code, String out, String err) {}

    @Test
    void aCachedLaunchSkipsJBangAndAnEditRebuilds() throws Exception {
        try (TempProject copy = checkoutCopy()) {
            Path root = copy.root();
            Path fakeBin = Files.createDirectories(root.resolve("fake-bin"));
            Files.writeString(
                    fakeBin.resolve("mvn"), "#!/bin/sh\necho 'mvn: not reachable in this test' >&2\nexit 1\n");
            fakeBin.resolve("mvn").toFile().setExecutable(true);
            Map<String, String> real = new HashMap<>(System.getenv());
            Map<String, String> noJBang = new HashMap<>(real);
            noJBang.put(
                    "CONFORM_CACHE_DIR",
                    Files.createDirectories(root.resolve("empty-cache")).toString());
            noJBang.put("PATH", fakeBin + ":" + real.get("PATH"));

            Run first = run(root, real);
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

            Run cached = run(root, noJBang);
            assertEquals(0, cached.code(), "a cached launch must not need JBang:\n" + cached.err());
            assertTrue(cached.out().startsWith("conform 0.1.0"), cached.out());

            Path command = root.resolve("lib/cli/ConformCommand.java");
            Files.writeString(
                    command, Files.readString(command).replace("VERSION = \"0.1.0\"", "VERSION = \"0.1.0-edited\""));
            Run stale = run(root, noJBang);
            assertEquals(
                    2,
                    stale.code(),
                    "after an edit the run must go through JBang (here: fail to install it):\n" + stale.out()
                            + stale.err());

            Run rebuilt = run(root, real);
            assertEquals(0, rebuilt.code(), rebuilt.err());
            assertTrue(
                    rebuilt.out().startsWith("conform 0.1.0-edited"),
                    "JBang rebuilt from the edited source:\n" + rebuilt.out());
            Run cachedAgain = run(root, noJBang);
            assertTrue(
                    cachedAgain.out().startsWith("conform 0.1.0-edited"),
                    "the new command line is the cached one:\n" + cachedAgain.out() + cachedAgain.err());

            Path jar = cachedJar(root);
            Files.delete(jar);
            Run jarGone = run(root, noJBang);
            assertEquals(
                    2,
                    jarGone.code(),
                    "a jar missing from the cached class path sends the run back through JBang:\n" + jarGone.err());
            assertFalse(Files.exists(jar));
        }
    }

    @Test
    void aLaunchStoppedWhileItsCacheIsTrainedLeavesNoJvmBehind() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() >= 24, "the start-up cache is trained on JDK 24+ only");
        try (TempProject copy = checkoutCopy()) {
            Path root = copy.root();
            Path err = root.resolve("err.txt");
            Process p = startLaunch(root, System.getenv(), root.resolve("out.txt"), err);
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

    /** The files of the checkout that `./jbang conform` needs, in a fresh directory (so its launch cache is empty). */
    private static TempProject checkoutCopy() throws IOException {
        TempProject copy = TempProject.create();
        Path repo = RepoRoot.find();
        for (String top : List.of("conform.java", "jbang", "jbang-catalog.json", "conform.toml", "lib", "specs"))
            copyTree(repo.resolve(top), copy.root().resolve(top));
        return copy;
    }

    /** `./jbang conform --version` in {@code root} with exactly {@code env}, no input, output to files. */
    private static Process startLaunch(Path root, Map<String, String> env, Path out, Path err) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("./jbang", "conform", "--version")
                .directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    private static Run run(Path root, Map<String, String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        Process p = startLaunch(root, env, out, err);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            throw new AssertionError("./jbang conform --version did not finish within 5 minutes");
        }
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** conform's jar, the first entry of the cached class path. */
    private static Path cachedJar(Path root) throws IOException {
        String command = Files.readString(root.resolve(".conform/launch/command"));
        String classpath = command.replaceAll("(?s).*-classpath (\\S+).*", "$1");
        return Path.of(classpath.split(":")[0]);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
