package conform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A local source made from a published package itself: fetched by its registry's own client (npm pack, pip download,
 * go mod download, each through its own cache), unpacked into the checkout's {@code .conform/test-sources/} and
 * patched there. A copy is made once per package, version and patch and kept, like other setup, so that the overlays
 * built from it stay fresh between test runs. A patch whose text is not found fails with what to update.
 */
public final class PublishedCopy {

    /** Replace {@code find}, which must occur exactly once in {@code file}, with {@code replace}. */
    public record Patch(String file, String find, String replace) {}

    private static final String DONE = ".conform-test-copy";

    private PublishedCopy() {}

    /** The npm package's tarball, unpacked: what {@code npm pack NAME@VERSION} downloads. */
    public static Path npm(String name, String version, Patch... patches) {
        return copy("js", name, version, patches, into -> {
            Path tarball = only(run(List.of("npm", "pack", "--silent", name + "@" + version), into)
                    .lines()
                    .filter(line -> line.endsWith(".tgz"))
                    .toList());
            run(List.of("tar", "xzf", tarball.toString(), "--strip-components=1"), into);
            Files.delete(into.resolve(tarball));
        });
    }

    /** The PyPI project's sdist, unpacked: what {@code pip download --no-binary :all: NAME==VERSION} downloads. */
    public static Path pypi(Path python, String name, String version, Patch... patches) {
        return copy("python", name, version, patches, into -> {
            Path downloads = Files.createDirectories(into.resolveSibling(into.getFileName() + ".sdist"));
            run(
                    List.of(
                            python.toString(),
                            "-m",
                            "pip",
                            "download",
                            "--quiet",
                            "--disable-pip-version-check",
                            "--no-deps",
                            "--no-binary",
                            ":all:",
                            "--dest",
                            downloads.toString(),
                            name + "==" + version),
                    into);
            Path sdist = only(list(downloads));
            run(List.of("tar", "xzf", sdist.toString(), "--strip-components=1"), into);
            delete(downloads);
        });
    }

    /** The Go module as the module cache holds it ({@code go mod download}, run in {@code goProject}), made writable. */
    public static Path goModule(Path goProject, String module, String version, Patch... patches) {
        return copy("go", module, version, patches, into -> {
            Path dir = goModuleCache(goProject, module, version);
            run(List.of("cp", "-R", dir + "/.", into.toString()), into);
            run(List.of("chmod", "-R", "u+w", into.toString()), into);
        });
    }

    /** The Go module's folder in the module cache (read-only), downloaded there if it is not yet. */
    public static Path goModuleCache(Path goProject, String module, String version) {
        String dir = run(List.of("go", "mod", "download", "-json", module + "@" + version), goProject)
                .lines()
                .map(String::strip)
                .filter(line -> line.startsWith("\"Dir\":"))
                .map(line -> line.replaceAll("^\"Dir\":\\s*\"(.*)\",?$", "$1"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("go mod download named no Dir for " + module));
        return Path.of(dir);
    }

    /**
     * The version a runtime's committed file pins ({@code pattern}'s first group in {@code entries/<runtime>/<file>}),
     * so that a test follows a version bump.
     */
    public static String pinned(String runtime, String pattern, String file) {
        String text;
        try {
            text = Files.readString(
                    RepoRoot.find().resolve("entries").resolve(runtime).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = Pattern.compile(pattern).matcher(text);
        if (!m.find()) throw new IllegalStateException("no " + pattern + " in entries/" + runtime + "/" + file);
        return m.group(1);
    }

    private interface Unpack {
        void into(Path dir) throws IOException;
    }

    private static Path copy(String runtime, String name, String version, Patch[] patches, Unpack unpack) {
        String id = name.replaceAll("[^A-Za-z0-9._-]+", "_") + "-" + version + "-"
                + hash(List.of(patches).toString());
        Path target = RepoRoot.find()
                .resolve(".conform/test-sources")
                .resolve(runtime)
                .resolve(id);
        if (Files.isRegularFile(target.resolve(DONE))) return target;
        Path work = target.resolveSibling(id + ".partial");
        try {
            delete(work);
            Files.createDirectories(work);
            unpack.into(work);
            for (Patch patch : patches) apply(work, patch, name + " " + version);
            Files.writeString(work.resolve(DONE), List.of(patches).toString());
            delete(target);
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void apply(Path dir, Patch patch, String what) throws IOException {
        Path file = dir.resolve(patch.file());
        String text = Files.readString(file);
        int at = text.indexOf(patch.find());
        if (at < 0 || text.indexOf(patch.find(), at + 1) >= 0) {
            throw new IllegalStateException(patch.file() + " of " + what + " holds " + (at < 0 ? "no" : "more than one")
                    + " `" + patch.find() + "`: update the test's patch for this version");
        }
        Files.writeString(file, text.replace(patch.find(), patch.replace()));
    }

    /** Runs {@code command} in {@code cwd} (at most 5 minutes) and returns its output; a failure says it all. */
    private static String run(List<String> command, Path cwd) {
        try {
            Process p = new ProcessBuilder(command)
                    .directory(cwd.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 5 minutes");
            }
            String output = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0)
                throw new IllegalStateException(
                        String.join(" ", command) + " exited with " + p.exitValue() + ":\n" + output);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path only(List<?> found) {
        if (found.size() != 1) throw new IllegalStateException("expected one download, found " + found);
        return Path.of(found.get(0).toString());
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.toList());
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
