package conform.config;

import java.util.List;
import java.util.Map;

/**
 * One install step of a runtime ({@code setup = [{run = [...], inputs = [...], creates = "..."}]}), run in the
 * runtime's cwd. It is needed when {@code creates} is missing or the content of {@code inputs} changed since it
 * last succeeded. A step that mentions {@code {plugin}}, {@code {entry}} or {@code {entry-dir}} runs once per plugin.
 *
 * @param env     variables added to the step's environment (conform's own steps only: a local source's bundle step
 *                finds the pinned packages through {@code NODE_PATH})
 * @param depfile a file the step writes that lists every file it read, as esbuild's metafile does (conform's own steps
 *                only), or null: once it exists, a directory among {@code inputs} counts only with the files of it
 *                listed there, so an edit elsewhere in a local source does not rebuild an entry that does not use it
 */
public record SetupStep(
        List<String> run, List<String> inputs, String creates, Map<String, String> env, String depfile) {

    /** npm's install from the lock file, for a Node project: the JS runtime's, and the genkit CLI's. */
    public static final SetupStep NPM_CI = new SetupStep(
            List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"),
            List.of("package-lock.json"),
            "node_modules/.package-lock.json");

    static final List<String> PLUGIN_PLACEHOLDERS = List.of("{plugin}", "{entry}", "{entry-dir}");

    /** A step as conform.toml writes it: no variables of its own, no depfile. */
    public SetupStep(List<String> run, List<String> inputs, String creates) {
        this(run, inputs, creates, Map.of(), null);
    }

    public boolean perPlugin() {
        return mentionsPlugin(String.join(" ", run))
                || inputs.stream().anyMatch(SetupStep::mentionsPlugin)
                || (creates != null && mentionsPlugin(creates));
    }

    private static boolean mentionsPlugin(String text) {
        return PLUGIN_PLACEHOLDERS.stream().anyMatch(text::contains);
    }
}
