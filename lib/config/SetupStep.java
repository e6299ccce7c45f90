package conform.config;

import java.util.List;

/**
 * One install step of a runtime ({@code setup = [{run = [...], inputs = [...], creates = "..."}]}), run in the
 * runtime's cwd. It is needed when {@code creates} is missing or the content of {@code inputs} changed since it
 * last succeeded. A step that mentions {@code {plugin}}, {@code {entry}} or {@code {entry-dir}} runs once per plugin.
 */
public record SetupStep(List<String> run, List<String> inputs, String creates) {

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
