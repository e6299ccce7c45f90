package conform.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import conform.config.LocalSource;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A local source as a run used it, so that no report passes it off as the published package: the package, its
 * directory and, when the directory is in a git checkout (and not ignored there), the commit checked out and whether
 * the directory holds changes not committed (untracked files included). Each run lists them in results.json.
 *
 * @param commit the checked-out commit, or null when the directory is not in a git checkout
 * @param dirty  whether the directory has uncommitted changes, or null when it is not in a git checkout
 */
@JsonPropertyOrder({"package", "path", "commit", "dirty"})
public record SourceRevision(
        @JsonProperty(value = "package", required = true) String pkg,
        @JsonProperty(required = true) String path,
        String commit,
        Boolean dirty) {

    private static final Duration GIT_TIMEOUT = Duration.ofSeconds(10);

    /** The source's state now, read with git (each call bounded; no git, or none in time, reads as no checkout). */
    public static SourceRevision of(LocalSource source) {
        Path dir = source.dir();
        String path = dir.toString();
        Optional<String> commit = git(dir, "rev-parse", "HEAD").map(String::strip);
        // An ignored folder (a download inside some other checkout) is not that checkout's code.
        if (commit.isEmpty() || git(dir, "check-ignore", "-q", ".").isPresent())
            return new SourceRevision(source.pkg(), path, null, null);
        Optional<String> status = git(dir, "status", "--porcelain", "--untracked-files=normal", "--", ".");
        return new SourceRevision(
                source.pkg(), path, commit.get(), status.map(s -> !s.isBlank()).orElse(null));
    }

    /** One line for people: "@genkit-ai/anthropic from ../genkit/js/plugins/anthropic (git 1a2b3c4, uncommitted changes)". */
    public String describe() {
        String state = commit == null
                ? "not a git checkout"
                : "git " + commit.substring(0, Math.min(12, commit.length()))
                        + (Boolean.TRUE.equals(dirty) ? ", uncommitted changes" : "");
        return pkg + " from " + path + " (" + state + ")";
    }

    /** git's output when it succeeds in {@code dir} within the timeout, else empty. */
    private static Optional<String> git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        // Reading the state must not take git's index lock in the user's checkout.
        builder.environment().put("GIT_OPTIONAL_LOCKS", "0");
        Process git;
        try {
            git = builder.start();
        } catch (IOException noGit) {
            return Optional.empty();
        }
        CompletableFuture<String> output =
                CompletableFuture.supplyAsync(() -> readAll(git.getInputStream()), Thread.ofVirtual()::start);
        try {
            if (!git.waitFor(GIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                git.destroyForcibly();
                return Optional.empty();
            }
            return git.exitValue() == 0 ? Optional.of(output.get()) : Optional.empty();
        } catch (InterruptedException e) {
            git.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
