package conform.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where check-plugin looks for one runtime's plugin packages, and the corrections to its rule for which of them are
 * model plugins: {@code plugins-dir}, {@code additional-model-plugins} and {@code ignore-plugins} under
 * {@code [conform.runtimes.<name>]}.
 *
 * @param dir        the plugins directory, absolute (a monorepo's {@code js/plugins}); null when none is set
 * @param additional packages the rule misses that are model plugins, each named by its directory or package name
 * @param ignore     packages to leave out of the lint although the rule takes them for model plugins
 */
public record PluginsDir(Path dir, List<PluginMention> additional, List<PluginMention> ignore) {

    public static final PluginsDir NONE = new PluginsDir(null, List.of(), List.of());
}
