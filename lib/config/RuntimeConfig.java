package conform.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How to find and start one runtime's entries ({@code [conform.runtimes.<name>]}).
 *
 * @param cwd          the runtime's project root: the child's working directory, where the SDK writes its runtime file
 * @param entryFile    the entry's path below {@code entriesDir}, with {@code {plugin}} standing for the plugin name
 * @param entryCommand argv that starts an entry; {@code {entry}} and {@code {plugin}} are substituted
 * @param plugins      the plugins this runtime is expected to cover (empty: not declared, so whatever has an entry)
 * @param toolchain    programs that must be on PATH, else this runtime's runs are skipped
 * @param setup        what {@code conform setup} runs to install the runtime's packages and build its entries
 * @param sources      local sources used instead of the published packages (an overlay of the runtime's project
 *                     builds them, leaving the published install as it is); empty: none
 * @param pluginsDir   where check-plugin looks for this runtime's plugin packages ({@link PluginsDir#NONE}: nowhere)
 * @param transport    the reflection API conform speaks with it (auto: v2 where the runtime has it)
 */
public record RuntimeConfig(
        String name,
        Path cwd,
        Path entriesDir,
        Path specsDir,
        String entryFile,
        List<String> entryCommand,
        List<String> plugins,
        List<String> toolchain,
        List<SetupStep> setup,
        List<LocalSource> sources,
        PluginsDir pluginsDir,
        Transport transport) {

    public static final String PLUGIN_PLACEHOLDER = "{plugin}";
    public static final String ENTRY_PLACEHOLDER = "{entry}";

    /** Entry layout, launch command, toolchain and setup of the runtimes conform knows, where conform.toml is silent. */
    record Defaults(String entryFile, List<String> entryCommand, List<String> toolchain, List<SetupStep> setup) {

        /**
         * The default setup for {@code command}: a step that builds an entry (once per plugin) stays only while the
         * command runs what it builds, so a command replaced by tsx, say, leaves no bundle step behind.
         */
        List<SetupStep> setupFor(List<String> command) {
            return setup.stream()
                    .filter(step -> !step.perPlugin()
                            || step.creates() == null
                            || command.stream().anyMatch(arg -> arg.contains(step.creates())))
                    .toList();
        }
    }

    static final Map<String, Defaults> KNOWN = Map.of(
            // Each entry is bundled once to one ES module: node then starts it in a third of the time that the tsx
            // loader takes to resolve and compile genkit's hundreds of modules. The banner gives bundled CommonJS
            // packages the `require` that ES modules lack. The entries share _conformrt.ts, so it is an input too.
            "js",
                    new Defaults(
                            "{plugin}.ts",
                            List.of("node", ".conform/build/{plugin}.mjs"),
                            List.of("node", "npm"),
                            List.of(
                                    SetupStep.NPM_CI,
                                    new SetupStep(
                                            List.of(
                                                    "node_modules/.bin/esbuild",
                                                    ENTRY_PLACEHOLDER,
                                                    "--bundle",
                                                    "--platform=node",
                                                    "--format=esm",
                                                    "--target=node20",
                                                    "--log-level=warning",
                                                    "--outfile=.conform/build/{plugin}.mjs",
                                                    "--banner:js=import { createRequire } from 'node:module'; const"
                                                            + " require = createRequire(import.meta.url);"),
                                            List.of(ENTRY_PLACEHOLDER, "_conformrt.ts", "package-lock.json"),
                                            ".conform/build/{plugin}.mjs"))),
            "python",
                    new Defaults(
                            "{plugin}.py",
                            List.of(".venv/bin/python", ENTRY_PLACEHOLDER),
                            List.of("python3"),
                            // pip runs as `python -m pip`: the venv's own scripts (bin/pip) name their interpreter
                            // by absolute path, so in a copied checkout they would install into the original's venv.
                            // The venv itself is not relocatable, but started through its bin/python it serves the
                            // checkout it sits in; one that is a link into another checkout is rebuilt (SetupTasks).
                            List.of(
                                    new SetupStep(
                                            List.of("python3", "-m", "venv", ".venv"), List.of(), ".venv/bin/python"),
                                    new SetupStep(
                                            List.of(
                                                    ".venv/bin/python",
                                                    "-m",
                                                    "pip",
                                                    "install",
                                                    "--quiet",
                                                    "--disable-pip-version-check",
                                                    "-r",
                                                    "requirements.txt"),
                                            List.of("requirements.txt"),
                                            null))),
            // Each entry is built once to a binary: `go run` would compile at every start and leave an orphan child.
            "go",
                    new Defaults(
                            "{plugin}/main.go",
                            List.of("bin/{plugin}"),
                            List.of("go"),
                            List.of(new SetupStep(
                                    List.of("go", "build", "-o", "bin/{plugin}", "{entry-dir}"),
                                    List.of("go.mod", "go.sum", "{entry-dir}", "internal"),
                                    "bin/{plugin}"))));

    /** The same runtime spoken to through {@code chosen} (the --transport flag). */
    public RuntimeConfig withTransport(Transport chosen) {
        return new RuntimeConfig(
                name,
                cwd,
                entriesDir,
                specsDir,
                entryFile,
                entryCommand,
                plugins,
                toolchain,
                setup,
                sources,
                pluginsDir,
                chosen);
    }

    /**
     * Where this runtime's plugin runs come in the order the runs start (lower first): the runtimes slowest to start
     * first, so that their runs do not start last and finish alone while the rest of the machine idles (on the emulated
     * matrix a Python runtime takes ≈ 2.5 s of CPU to be ready, JS ≈ 1 s, Go ≈ 0.1 s); one conform does not know comes
     * between JS and Go.
     */
    public int startRank() {
        return switch (name) {
            case "python" -> 0;
            case "js" -> 1;
            case "go" -> 3;
            default -> 2;
        };
    }

    public Path entryPath(String plugin) {
        return entriesDir.resolve(entryFile.replace(PLUGIN_PLACEHOLDER, plugin)).normalize();
    }

    /** The published entry command for {@code plugin}; with local sources, the runtime's overlay starts another. */
    public List<String> publishedCommand(String plugin) {
        return entryCommand.stream().map(a -> substitute(a, plugin)).toList();
    }

    /** Whether setup and the entry command are conform's own for this runtime, which local sources are built on. */
    public boolean conventional() {
        Defaults defaults = KNOWN.get(name);
        return defaults != null
                && entryCommand.equals(defaults.entryCommand())
                && setup.equals(defaults.setupFor(entryCommand));
    }

    /** This runtime with {@code newSources} instead of its own. */
    public RuntimeConfig withSources(List<LocalSource> newSources) {
        return new RuntimeConfig(
                name,
                cwd,
                entriesDir,
                specsDir,
                entryFile,
                entryCommand,
                plugins,
                toolchain,
                setup,
                List.copyOf(newSources),
                pluginsDir,
                transport);
    }

    /** This runtime reading its specs from {@code dir} (the --specs-dir flag). */
    public RuntimeConfig withSpecsDir(Path dir) {
        return new RuntimeConfig(
                name,
                cwd,
                entriesDir,
                dir,
                entryFile,
                entryCommand,
                plugins,
                toolchain,
                setup,
                sources,
                pluginsDir,
                transport);
    }

    /** {@code {plugin}}, {@code {entry}} and {@code {entry-dir}} replaced for one plugin. */
    public String substitute(String text, String plugin) {
        Path entry = entryPath(plugin);
        return text.replace(ENTRY_PLACEHOLDER, entry.toString())
                .replace("{entry-dir}", entry.getParent().toString())
                .replace(PLUGIN_PLACEHOLDER, plugin);
    }

    /** Plugin names that have an entry file on disk, sorted. */
    public List<String> pluginsWithEntries() {
        Path pattern = Path.of(entryFile);
        int level = 0;
        while (level < pattern.getNameCount()
                && !pattern.getName(level).toString().contains(PLUGIN_PLACEHOLDER)) level++;
        if (level == pattern.getNameCount()) return List.of();
        Path parent = level == 0 ? entriesDir : entriesDir.resolve(pattern.subpath(0, level));
        Pattern segment = Pattern.compile(Pattern.quote(pattern.getName(level).toString())
                .replace(PLUGIN_PLACEHOLDER, "\\E([A-Za-z0-9][A-Za-z0-9._-]*)\\Q"));
        TreeSet<String> found = new TreeSet<>();
        try (Stream<Path> children = Files.list(parent)) {
            children.forEach(child -> {
                Matcher m = segment.matcher(child.getFileName().toString());
                if (m.matches() && Files.isRegularFile(entryPath(m.group(1)))) found.add(m.group(1));
            });
        } catch (IOException noEntriesDir) {
            return List.of();
        }
        return List.copyOf(found);
    }
}
