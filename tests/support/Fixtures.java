package conform.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs conform in-process as a real run, with the process environment, against the fixture runtimes
 * (tests/fixtures) or a config of the test's, and reads back its results.json.
 */
public final class Fixtures {

    private Fixtures() {}

    private static boolean setUp;

    /**
     * Installs the fixture runtimes once per test JVM (npm ci, venv + pip, go build), so tests that time things
     * or count setup steps do not depend on which of them runs first on a fresh clone.
     */
    public static synchronized void ensureSetUp() {
        if (setUp) return;
        CliRun run = setup("--no-color");
        if (run.exitCode() != 0) throw new IllegalStateException("setting up the fixture runtimes failed:\n" + run);
        setUp = true;
    }

    public static Path config() {
        return RepoRoot.find().resolve("tests/fixtures/conform.toml");
    }

    /**
     * A conform.toml in {@code work} for the fixture runtimes named, with {@code extra} TOML added (known failures,
     * [conform.env]): for a test that needs settings of its own.
     */
    public static Path config(TempProject work, String extra, String... runtimes) {
        StringBuilder toml = new StringBuilder("[conform]\nmax-retries = 0\nstartup-timeout = 90\n")
                .append("genkit-cli = \"")
                .append(RepoRoot.find().resolve("entries/genkit-cli"))
                .append("\"\n")
                .append(extra)
                .append('\n');
        for (String runtime : runtimes) {
            Path root = RepoRoot.find().resolve("entries").resolve(runtime);
            toml.append("[conform.runtimes.%s]\ncwd = \"%s\"\nentries-dir = \"%s\"\n"
                    .formatted(runtime, root, root.resolve("fixtures")));
        }
        work.write("conform.toml", toml.toString());
        return work.path("conform.toml");
    }

    /**
     * The passing scenario in the js fixture runtime with {@code --runner RUNNER}, under a config whose genkit-cli
     * project cannot be installed: a package.json without its lock file, which npm ci refuses at once (no network).
     */
    public static Outcome passingWithUninstallableCli(TempProject work, String runner) {
        work.write("cli/package.json", "{\"dependencies\": {\"genkit-cli\": \"1.43.0\"}}");
        Path config = config(work, "", "js");
        try {
            Files.writeString(
                    config, Files.readString(config).replaceAll("genkit-cli = \".*\"", "genkit-cli = \"cli\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checkModel(
                work.root(),
                config,
                work.path("r"),
                "--specs-dir",
                scenario("passing").toString(),
                "--runner",
                runner);
    }

    public static Path scenario(String name) {
        return RepoRoot.find().resolve("tests/fixtures/scenarios").resolve(name);
    }

    /** {@code conform setup} of the fixture runtimes, from the checkout. */
    public static CliRun setup(String... extra) {
        List<String> args = new ArrayList<>(List.of("setup", "--config", config().toString()));
        args.addAll(List.of(extra));
        return CliRun.withProcessEnvironment(RepoRoot.find(), args.toArray(String[]::new));
    }

    /** check-model on one scenario in one runtime (or several, comma-separated), from the checkout. */
    public static Outcome checkModel(String scenario, String runtime, Path reportDir, String... extra) {
        List<String> args =
                new ArrayList<>(List.of("--specs-dir", scenario(scenario).toString(), "--runtime", runtime));
        args.addAll(List.of(extra));
        return checkModel(RepoRoot.find(), config(), reportDir, args.toArray(String[]::new));
    }

    /** check-model from {@code cwd} with {@code config} and the process environment, without colour. */
    public static Outcome checkModel(Path cwd, Path config, Path reportDir, String... args) {
        List<String> all = new ArrayList<>(List.of(
                "check-model", "--config", config.toString(), "--report-dir", reportDir.toString(), "--no-color"));
        all.addAll(List.of(args));
        CliRun run = CliRun.withProcessEnvironment(cwd, all.toArray(String[]::new));
        return new Outcome(run, read(reportDir.resolve("results.json")));
    }

    /** check-model's arguments for these specs in all three fixture runtimes, then {@code more}. */
    public static List<String> checkModelInEveryRuntime(Path specsDir, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "check-model",
                "--config",
                config().toString(),
                "--specs-dir",
                specsDir.toString(),
                "--runtime",
                "js,python,go"));
        args.addAll(List.of(more));
        return args;
    }

    static JsonNode read(Path file) {
        try {
            return file.toFile().exists() ? new ObjectMapper().readTree(file.toFile()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a run printed and wrote. */
    public record Outcome(CliRun cli, JsonNode results) {

        /** test name → status, from results.json. */
        public Map<String, String> statuses() {
            Map<String, String> out = new LinkedHashMap<>();
            results.get("results")
                    .forEach(
                            r -> out.put(r.get("test").asText(), r.get("status").asText()));
            return out;
        }

        public JsonNode result(String test) {
            for (JsonNode r : results.get("results")) if (r.get("test").asText().equals(test)) return r;
            throw new AssertionError("no result for " + test + " in " + results);
        }

        public JsonNode run() {
            return results.get("runs").get(0);
        }

        @Override
        public String toString() {
            return cli.toString();
        }
    }

    /**
     * The runtime files in a fixture runtime's project root that one of {@code started} wrote (their name starts with
     * its pid).
     */
    public static List<String> runtimeFiles(String runtime, List<ProcessHandle> started) throws IOException {
        Path dir = RepoRoot.find().resolve("entries").resolve(runtime).resolve(".genkit/runtimes");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> started.stream().anyMatch(p -> name.startsWith(p.pid() + "-")))
                    .toList();
        }
    }

    /** Processes started by this JVM that are still alive: none may survive a run. */
    public static List<String> livingChildren() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .map(h -> h.pid() + " " + h.info().commandLine().orElse("?"))
                .toList();
    }
}
