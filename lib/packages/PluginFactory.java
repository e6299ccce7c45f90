package conform.packages;

import java.util.List;

/**
 * What an entry calls to add a plugin to Genkit, as conform makes it out from the package's sources: the plugin's
 * factory (JS), its Plugin class (Python) or its plugin type (Go).
 *
 * @param module    what the entry imports it from: the npm package, the Python module, the Go import path
 * @param symbol    its name there
 * @param isDefault JS: whether it is the package's default export, which an entry imports as such
 * @param qualifier the Go package name that qualifies it ({@code anthropic} in {@code anthropic.Anthropic}); else null
 * @param dynamic   Go: whether the type resolves models on demand (has ResolveAction), so that the entry can have it
 *                  register the spec's models up front
 * @param others    the other candidates, best first, for a person to choose from when conform chose wrong
 * @param found     false when the sources show no candidate at all and {@code symbol} is only conform's guess
 */
public record PluginFactory(
        String module,
        String symbol,
        boolean isDefault,
        String qualifier,
        boolean dynamic,
        List<String> others,
        boolean found) {

    private static final int SHOWN = 4;

    /** The best few of the other candidates, for a person to read: a package exports its model refs too. */
    public String alternatives() {
        String shown = String.join(", ", others.subList(0, Math.min(SHOWN, others.size())));
        return others.size() > SHOWN ? shown + " and " + (others.size() - SHOWN) + " more" : shown;
    }
}
