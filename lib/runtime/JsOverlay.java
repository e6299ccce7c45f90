package conform.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import conform.config.LocalSource;
import conform.config.SetupStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JS: every entry is bundled again into the overlay, with esbuild's {@code --alias} sending each import of a local
 * package (and of its subpaths) to the local directory, which the overlay's node_modules links under a scope of its
 * own ({@code @conform-local/…}), so the package's own package.json exports decide what is bundled: its built
 * output, or TypeScript where it points at that. The local package's imports resolve from its own node_modules first
 * (a checkout has them), then through {@code NODE_PATH} from the runtime's pinned node_modules. npm ci and the
 * published bundles stay as they are. Each bundle's metafile lists the local files it holds, so an edit rebuilds only
 * the bundles that hold the edited file. A package whose package.json points at files that do not exist has to be built
 * first: conform says so rather than run a build whose tools (pnpm, tsup) it does not own.
 */
final class JsOverlay implements SourceOverlay {

    private static final String PUBLISHED_BUILD = ".conform/build/";
    private static final String SCOPE = "@conform-local/";
    /** Where an import of the package lands, in esbuild's order for an ES module bundle for node. */
    private static final List<String> CONDITIONS = List.of("import", "node", "default", "require");

    @Override
    public Optional<Problem> check(String pkg, Path dir) {
        Path manifest = dir.resolve("package.json");
        if (!Files.isRegularFile(manifest)) {
            return Optional.of(new Problem(
                    dir + " has no package.json",
                    "point the source at the package's own folder, where its package.json is"));
        }
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(manifest.toFile());
        } catch (IOException e) {
            return Optional.of(new Problem(
                    "cannot read " + manifest + ": "
                            + e.getMessage().lines().findFirst().orElse(""),
                    "fix the package.json"));
        }
        String name = json.path("name").asText("");
        if (!name.equals(pkg)) {
            return Optional.of(new Problem(
                    manifest + " is the package `" + name + "`, not `" + pkg + "`",
                    "point the source at the folder of " + pkg));
        }
        String entry = entryPoint(json);
        if (!Files.exists(dir.resolve(entry))) {
            boolean buildScript = json.path("scripts").has("build");
            return Optional.of(new Problem(
                    pkg + " in " + dir + " is not built: its package.json points at " + entry
                            + ", which does not exist",
                    buildScript
                            ? "build it first (`npm run build` in " + dir + "), and again after each edit"
                            : "build it first, or point its package.json at its sources"));
        }
        return Optional.empty();
    }

    /**
     * The file an import of the package resolves to: its exports' "." (else its first subpath, for a package that
     * exports only subpaths), else module, else main.
     */
    static String entryPoint(JsonNode json) {
        JsonNode exports = json.path("exports");
        boolean subpaths = exports.isObject()
                && exports.fieldNames().hasNext()
                && exports.fieldNames().next().startsWith(".");
        String target = exports.isMissingNode()
                ? null
                : target(
                        subpaths
                                ? exports.has(".")
                                        ? exports.get(".")
                                        : exports.elements().next()
                                : exports);
        if (target != null) return target;
        if (json.path("module").isTextual()) return json.get("module").asText();
        return json.path("main").asText("index.js");
    }

    /** A conditional export's file for an import from node, conditions nested or not. */
    private static String target(JsonNode exports) {
        if (exports.isTextual()) return exports.asText();
        if (exports.isArray() && !exports.isEmpty()) return target(exports.get(0));
        for (String condition : CONDITIONS) if (exports.has(condition)) return target(exports.get(condition));
        return null;
    }

    @Override
    public List<SetupStep> setup(List<SetupStep> published, List<LocalSource> sources, String overlay) {
        List<SetupStep> steps = new ArrayList<>();
        published.stream().filter(step -> !step.perPlugin()).forEach(steps::add);
        for (LocalSource source : sources) {
            String link = overlay + "/node_modules/" + alias(source.pkg());
            steps.add(new SetupStep(List.of("ln", "-sfn", source.dir().toString(), link), List.of(), link));
        }
        Map<String, String> env = Map.of("NODE_PATH", overlay + "/node_modules:node_modules");
        for (SetupStep bundle : published.stream().filter(SetupStep::perPlugin).toList()) {
            List<String> run = new ArrayList<>(
                    bundle.run().stream().map(a -> relocate(a, overlay)).toList());
            sources.forEach(s -> run.add("--alias:" + s.pkg() + "=" + alias(s.pkg())));
            // The metafile lists the files bundled: an edit of a local file no entry bundles rebuilds nothing.
            String metafile = overlay + "/build/{plugin}.meta.json";
            run.add("--metafile=" + metafile);
            steps.add(rebuilt(bundle, run, sources, overlay, env, metafile));
        }
        return List.copyOf(steps);
    }

    /** The name the overlay links a package under: {@code @genkit-ai/compat-oai} → {@code @conform-local/genkit-ai__compat-oai}. */
    private static String alias(String pkg) {
        return SCOPE + pkg.replace("@", "").replace("/", "__");
    }

    @Override
    public String relocate(String arg, String overlay) {
        return arg.replace(PUBLISHED_BUILD, overlay + "/build/");
    }
}
