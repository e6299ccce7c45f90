package conform.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import conform.config.RuntimeConfig;
import conform.config.SetupStep;
import conform.redact.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Installs what a runtime needs inside the checkout (npm ci, a venv and pip, go build of each entry) by running
 * its configured steps in its cwd. A step runs only when its {@code creates} path is missing or the content of its
 * inputs changed since it last succeeded, which a stamp under {@code <cwd>/.conform/setup/} records, and a step
 * after one that runs runs too (pip after a new venv). Stamps name paths relative to the cwd, so a copied or moved
 * checkout keeps what is fresh; and a step never writes through a link that leads out of the cwd (a {@code .venv}
 * that is another checkout's): the link is removed and the step makes its own output here.
 */
public final class SetupTasks {

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Folders below a directory input that are not its content: version control, dependencies, bytecode. */
    private static final Set<String> NOT_CONTENT = Set.of(".git", "node_modules", "__pycache__");

    /**
     * A step bound to one plugin (or to none), with its placeholders filled in; {@code cwd} is where it runs.
     *
     * @param depfile what the step writes to list the files it read ({@link SetupStep#depfile()}), or null
     */
    public record Task(
            String runtime,
            Path cwd,
            List<String> command,
            Map<String, String> env,
            List<Path> inputs,
            Path creates,
            Path depfile) {

        /**
         * Where the step's last success is recorded: one stamp per output when the step makes one, so entries that
         * tests write to temporary directories do not pile up stamps.
         */
        Path stamp() {
            String id = hash(creates != null ? relative(creates) : relativeCommand());
            return cwd.resolve(".conform/setup/" + id + ".stamp");
        }

        /**
         * The command for messages: paths relative to the runtime's root, up to its first long option or program of
         * several lines ({@code python -c …}); the log has it whole.
         */
        public String shown() {
            StringBuilder line = new StringBuilder();
            for (String arg : command) {
                if ((arg.startsWith("--") && !line.isEmpty()) || arg.contains("\n"))
                    return line.append(" …").toString();
                if (!line.isEmpty()) line.append(' ');
                line.append(relative(arg));
            }
            return line.toString();
        }

        /** {@code arg} with a path below the runtime's root written relative to it: the same in a copy of the checkout. */
        String relative(String arg) {
            return arg.startsWith(cwd + "/") ? arg.substring(cwd.toString().length() + 1) : arg;
        }

        private String relative(Path path) {
            return relative(path.toString());
        }

        /** The command, and the variables it adds, with paths relative to the runtime's root. */
        private String relativeCommand() {
            String line =
                    String.join("\u0000", command.stream().map(this::relative).toList());
            return env.isEmpty() ? line : line + "\u0003" + new TreeMap<>(env);
        }
    }

    private SetupTasks() {}

    /** The steps of {@code runtime} that still need to run for {@code plugins}. */
    public static List<Task> pending(RuntimeConfig runtime, List<String> plugins) {
        return pending(
                SourceOverlay.steps(runtime),
                plugins,
                (step, plugin) -> bind(
                        runtime.name(),
                        runtime.cwd(),
                        step,
                        plugin.isEmpty() ? a -> a : a -> runtime.substitute(a, plugin)));
    }

    /** The steps of a tool conform installs beside the runtimes (the genkit CLI) that still need to run in {@code dir}. */
    public static List<Task> pending(String name, Path dir, List<SetupStep> steps) {
        return pending(steps, List.of(), (step, plugin) -> bind(name, dir, step, a -> a));
    }

    private static List<Task> pending(
            List<SetupStep> steps, List<String> plugins, BiFunction<SetupStep, String, Task> binder) {
        List<Task> tasks = new ArrayList<>();
        // The plugins whose next steps must run because an earlier one does ("" for a step shared by all).
        Set<String> rerun = new HashSet<>();
        for (SetupStep step : steps) {
            List<String> targets = step.perPlugin() ? plugins : List.of("");
            for (String plugin : targets) {
                Task task = binder.apply(step, plugin);
                if (rerun.contains("") || rerun.contains(plugin) || needed(task)) {
                    tasks.add(task);
                    rerun.add(plugin);
                }
            }
        }
        return tasks;
    }

    /** {@code step} in {@code cwd}, each of its words and paths passed through {@code substitute}. */
    private static Task bind(String name, Path cwd, SetupStep step, UnaryOperator<String> substitute) {
        List<String> command = step.run().stream().map(substitute).toList();
        List<Path> inputs = step.inputs().stream()
                .map(i -> cwd.resolve(substitute.apply(i)).normalize())
                .toList();
        Path creates = step.creates() == null
                ? null
                : cwd.resolve(substitute.apply(step.creates())).normalize();
        Path depfile = step.depfile() == null
                ? null
                : cwd.resolve(substitute.apply(step.depfile())).normalize();
        return new Task(name, cwd, command, step.env(), inputs, creates, depfile);
    }

    static boolean needed(Task task) {
        if (task.creates() != null && !Files.exists(task.creates())) return true;
        if (linkOut(task).isPresent()) return true;
        try {
            return !Files.isRegularFile(task.stamp())
                    || !Files.readString(task.stamp()).equals(fingerprint(task));
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Runs the tasks in order, each in its runtime's root, their output appended to {@code log} through {@code redactor};
     * stops at the first failure.
     *
     * @throws SetupFailure naming the command, its exit code and the end of its output
     */
    public static void run(List<Task> tasks, Path log, Redactor redactor, Consumer<Task> starting) throws SetupFailure {
        for (Task task : tasks) {
            starting.accept(task);
            int code;
            try {
                Optional<Path> link = linkOut(task);
                if (link.isPresent()) Files.delete(link.get());
                if (task.creates() != null)
                    Files.createDirectories(task.creates().getParent());
                Files.createDirectories(log.getParent());
                Files.writeString(
                        log,
                        "$ " + String.join(" ", task.command()) + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                try (ProcessTree process = ProcessTree.start(task.command(), task.cwd(), task.env(), log, redactor)) {
                    code = process.waitFor(STEP_TIMEOUT);
                }
            } catch (IOException e) {
                throw new SetupFailure("cannot run `" + task.shown() + "`: " + e.getMessage(), log);
            }
            if (code != 0) {
                throw new SetupFailure(
                        "`" + task.shown() + "` "
                                + (code == ProcessTree.TIMED_OUT
                                        ? "did not finish within " + STEP_TIMEOUT.toMinutes() + " minutes"
                                        : "exited with code " + code),
                        log);
            }
            try {
                Files.createDirectories(task.stamp().getParent());
                Files.writeString(task.stamp(), fingerprint(task));
            } catch (IOException e) {
                throw new SetupFailure("cannot record that `" + task.shown() + "` succeeded: " + e.getMessage(), log);
            }
        }
    }

    /**
     * The link on the way from the runtime's root to the step's output that leads out of the root, if any: a step
     * run through it would change another checkout (pip into its venv, npm ci in its node_modules).
     */
    static Optional<Path> linkOut(Task task) {
        if (task.creates() == null || !task.creates().startsWith(task.cwd())) return Optional.empty();
        try {
            Path root = task.cwd().toRealPath();
            Path dir = task.cwd();
            for (Path name : task.cwd().relativize(task.creates().getParent())) {
                dir = dir.resolve(name);
                if (Files.isSymbolicLink(dir) && !realPathOrSelf(dir).startsWith(root)) return Optional.of(dir);
            }
            return Optional.empty();
        } catch (IOException noRoot) {
            return Optional.empty();
        }
    }

    private static Path realPathOrSelf(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException dangling) {
            return path;
        }
    }

    /**
     * The command and the content of every input (a directory: every file below it but its version control,
     * dependency and bytecode folders, or only those its depfile lists), paths relative to the runtime's root: what
     * decides a re-run.
     */
    static String fingerprint(Task task) {
        StringBuilder sb = new StringBuilder(task.relativeCommand());
        Optional<Set<Path>> read = filesRead(task);
        for (Path input : task.inputs()) {
            try {
                for (Path file : contentFiles(input, read)) {
                    sb.append('\u0001')
                            .append(task.relative(file))
                            .append('\u0002')
                            .append(hash(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)));
                }
            } catch (IOException missing) {
                sb.append('\u0001').append(task.relative(input)).append("\u0002missing");
            }
        }
        return hash(sb.toString());
    }

    /**
     * The files the step's depfile (an esbuild metafile: its {@code inputs}, relative to the cwd) says the step read,
     * as real paths; empty when it has none or none yet.
     */
    private static Optional<Set<Path>> filesRead(Task task) {
        if (task.depfile() == null || !Files.isRegularFile(task.depfile())) return Optional.empty();
        try {
            Set<Path> files = new HashSet<>();
            JSON.readTree(task.depfile().toFile())
                    .path("inputs")
                    .fieldNames()
                    .forEachRemaining(name -> files.add(task.cwd().resolve(name).normalize()));
            return Optional.of(files);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The files that make up an input, sorted: the file itself, or below a directory the files the step read when its
     * depfile says, else every file except in {@link #NOT_CONTENT} folders (a local source's checkout has them; its
     * node_modules alone can hold 100,000 files).
     */
    private static List<Path> contentFiles(Path input, Optional<Set<Path>> read) throws IOException {
        if (!Files.isDirectory(input)) return Files.isRegularFile(input) ? List.of(input) : List.of();
        if (read.isPresent()) {
            Path real = input.toRealPath();
            return read.get().stream().filter(f -> f.startsWith(real)).sorted().toList();
        }
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(input, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(input)
                                && NOT_CONTENT.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) files.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    private static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A setup step that failed; the log holds its output. */
    public static final class SetupFailure extends Exception {
        private final Path log;

        SetupFailure(String message, Path log) {
            super(message, null, false, false);
            this.log = log;
        }

        public Path log() {
            return log;
        }
    }
}
