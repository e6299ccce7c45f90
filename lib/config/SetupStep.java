package conform.config;

import java.util.List;

/**
 * One install step of a runtime ({@code setup = [{run = [...], inputs = [...], creates = "..."}]}), run in the
 * runtime's cwd. It is needed when {@code creates} is missing or the content of {@code inputs} changed since it
 * last succeeded. A step that mentions {@code {plugin}}, {@code {entry}} or {@code {entry-dir}} runs once per plugin.
 */
public record SetupStep(List<String> run, List<String> inputs, String creates) {

    /** npm's install from the lock file, for a Node project: the JS runtime's, and the genkit CLI's. */
    public static final SetupStep NPM_CI = new SetupStep(
            List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"),
            List.of("package-lock.json"),
            "node_modules/.package-lock.json");

    static final List<String> PLUGIN_PLACEHOLDERS = List.of("{plugin}", "{entry}", "{entry-dir}");

    public boolean perPlugin() {
        return mentionsPlugin(String.join(" ", run))
                || inputs.stream().anyMatch(SetupStep::mentionsPlugin)
                || (creates != null && mentionsPlugin(creates));
    }

    private static boolean mentionsPlugin(String text) {
        return PLUGIN_PLACEHOLDERS.stream().anyMatch(text::contains);
    }
}
