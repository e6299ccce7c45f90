package conform.runtime;

import conform.config.LocalSource;
import conform.config.RuntimeConfig;
import conform.config.SetupStep;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How a runtime runs local sources instead of its published packages: an overlay of the runtime's project, a
 * directory of its own under the runtime's cwd ({@code .conform/sources/<id>}, one per set of sources), built on top
 * of the published install, which stays as it is, so that a run without the sources afterwards needs no reinstall.
 * The overlay's setup steps take the local sources as inputs, so an edit re-runs only the steps that use them; the
 * entry command starts the overlay's build. Only the runtimes conform knows (js, python, go) have one, and only with
 * conform's own setup and entry command, which the overlay builds on.
 */
public sealed interface SourceOverlay permits JsOverlay, PythonOverlay, GoOverlay {

    /** What setup runs for {@code rt}: its configured steps, or with local sources, the overlay's built on them. */
    static List<SetupStep> steps(RuntimeConfig rt) {
        return rt.sources().isEmpty()
                ? rt.setup()
                : of(rt.name()).orElseThrow().setup(rt.setup(), rt.sources(), directory(rt.sources()));
    }

    /** The command that starts {@code plugin}'s entry in {@code rt}: with local sources, the overlay's build. */
    static List<String> command(RuntimeConfig rt, String plugin) {
        if (rt.sources().isEmpty()) return rt.publishedCommand(plugin);
        SourceOverlay overlay = of(rt.name()).orElseThrow();
        String dir = directory(rt.sources());
        return rt.entryCommand().stream()
                .map(arg -> rt.substitute(overlay.relocate(arg, dir), plugin))
                .toList();
    }

    /**
     * Checks that {@code rt} can use each of its local sources: a runtime with an overlay and conform's own setup, and
     * a directory that holds the package named.
     *
     * @throws conform.diag.ConformException at the first source it cannot use, saying why and what to do
     */
    static void check(RuntimeConfig rt) {
        for (LocalSource source : rt.sources()) {
            Optional<SourceOverlay> overlay = of(rt.name());
            if (overlay.isEmpty()) {
                throw source.problem(
                        "runtime `" + rt.name() + "` cannot use local sources: conform builds them for js, python and"
                                + " go",
                        "test the local source in one of those runtimes");
            }
            if (!rt.conventional()) {
                throw source.problem(
                        "runtime `" + rt.name() + "` sets its own `setup` or `entry-command`, and local sources are"
                                + " built on conform's own",
                        "remove `setup` and `entry-command` from [conform.runtimes." + rt.name()
                                + "] to use local sources there");
            }
            Path dir = source.dir();
            if (!Files.isDirectory(dir)) {
                throw source.problem(
                        dir + (Files.exists(dir) ? " is not a directory" : " does not exist"),
                        "name the folder of the package's local source");
            }
            overlay.get().check(source.pkg(), dir).ifPresent(p -> {
                throw source.problem(p.what(), p.hint());
            });
        }
    }

    /** What is wrong with a local source, and what to do about it. */
    record Problem(String what, String hint) {}

    /** What is wrong with {@code dir} as the local source of {@code pkg} in this runtime, if anything. */
    Optional<Problem> check(String pkg, Path dir);

    /** The runtime's setup with the sources: {@code published} (conform's own steps) built on, built into {@code overlay}. */
    List<SetupStep> setup(List<SetupStep> published, List<LocalSource> sources, String overlay);

    /** An argument of the published entry command, pointed at the overlay's build. */
    String relocate(String arg, String overlay);

    /** The overlay's directory, relative to the runtime's cwd: the same for the same packages and directories. */
    static String directory(List<LocalSource> sources) {
        String set = String.join(
                "\n",
                sources.stream().map(s -> s.pkg() + "=" + s.dir()).sorted().toList());
        String id = UUID.nameUUIDFromBytes(set.getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "")
                .substring(0, 12);
        return ".conform/sources/" + id;
    }

    private static Optional<SourceOverlay> of(String runtime) {
        return switch (runtime) {
            case "js" -> Optional.of(new JsOverlay());
            case "python" -> Optional.of(new PythonOverlay());
            case "go" -> Optional.of(new GoOverlay());
            default -> Optional.empty();
        };
    }

    /**
     * A per-plugin build step of the published setup as the overlay runs it: {@code run}, into the overlay, with the
     * local sources' directories as inputs too (their content decides a rebuild).
     */
    default SetupStep rebuilt(
            SetupStep build,
            List<String> run,
            List<LocalSource> sources,
            String overlay,
            Map<String, String> env,
            String depfile) {
        List<String> inputs = new ArrayList<>(build.inputs());
        sources.forEach(s -> inputs.add(s.dir().toString()));
        return new SetupStep(List.copyOf(run), List.copyOf(inputs), relocate(build.creates(), overlay), env, depfile);
    }
}
