package conform.plan;

import conform.config.ConformConfig;
import conform.config.PluginMention;
import conform.diag.ConformException;
import conform.diag.Diagnostic;
import conform.diag.Suggest;
import java.util.Set;

/**
 * Every plugin conform.toml names must have a spec: a misspelt name ({@code olama}) would otherwise set nothing,
 * skip nothing and excuse nothing, without a word. Checked once the config and the specs are both known.
 */
public final class PluginNames {

    private PluginNames() {}

    /** @param withSpecs the plugins that have a spec in the config's specs directories (or --specs-dir) */
    public static void check(ConformConfig config, Set<String> withSpecs) {
        for (PluginMention mention : config.pluginMentions()) {
            if (withSpecs.contains(mention.plugin())) continue;
            throw new ConformException(Diagnostic.error(
                            "E0105",
                            "`" + mention.key() + "` names the plugin `" + mention.plugin() + "`, which has no spec"
                                    + Suggest.didYouMean(mention.plugin(), withSpecs))
                    .at(mention.location())
                    .note(
                            withSpecs.isEmpty()
                                    ? "no spec files were found"
                                    : "plugins with a spec: " + String.join(", ", withSpecs))
                    .hint("fix the name in " + config.file().getFileName() + ", or add a spec for `" + mention.plugin()
                            + "` (specs/<plugin>.yaml)"));
        }
    }
}
