package conform.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Parts of this checkout copied with `cp -a` into a temporary directory, as a user copies a checkout, and programs
 * launched in it with exactly the environment a test gives (no input, output to files). Close it to delete it.
 */
public final class CheckoutCopy implements AutoCloseable {

    /** What a program printed and how it ended. */
    public record Launch(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final TempProject dir;

    private CheckoutCopy(TempProject dir) {
        this.dir = dir;
    }

    /** The checkout's {@code parts} (files or folders, relative to its root) in a fresh directory. */
    public static CheckoutCopy of(String... parts) {
        CheckoutCopy copy = new CheckoutCopy(TempProject.create());
        Path repo = RepoRoot.find();
        for (String part : parts) {
            Path target = copy.path(part);
            try {
                Files.createDirectories(target.getParent());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            cpA(repo.resolve(part), target);
        }
        return copy;
    }

    /** The whole of this copy, copied again with `cp -a` into a fresh directory. */
    public CheckoutCopy copy() {
        CheckoutCopy again = new CheckoutCopy(TempProject.create());
        cpA(root(), again.root());
        return again;
    }

    /** `cp -a`: links stay links, times and modes are kept. A folder's content goes into {@code to}. */
    public static void cpA(Path from, Path to) {
        String source = Files.isDirectory(from) ? from + "/." : from.toString();
        try {
            Process cp = new ProcessBuilder("cp", "-a", source, to.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(cp.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (cp.waitFor() != 0) throw new IllegalStateException("cp -a " + source + " " + to + ": " + output);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Path root() {
        return dir.root();
    }

    public Path path(String relative) {
        return dir.path(relative);
    }

    /** Starts {@code command} in {@code cwd} with exactly {@code env}, no input, its output to files. */
    public static Process start(List<String> command, Path cwd, Map<String, String> env, Path out, Path err)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Runs {@code command} to its end (at most 5 minutes) as {@link #start} does. */
    public Launch run(List<String> command, Path cwd, Map<String, String> env)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(root(), "out", ".txt");
        Path err = Files.createTempFile(root(), "err", ".txt");
        Process p = start(command, cwd, env, out, err);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish within 5 minutes");
        }
        Launch launch = new Launch(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return launch;
    }

    /** `./jbang ARGS` of this copy, from its root. */
    public Launch jbang(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("./jbang"));
        command.addAll(List.of(args));
        return run(command, root(), env);
    }

    @Override
    public void close() {
        dir.close();
    }
}
