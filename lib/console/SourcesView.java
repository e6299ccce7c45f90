package conform.console;

import conform.config.LocalSource;
import conform.config.RuntimeConfig;
import conform.runtime.SourceRevision;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The local sources in effect, as `list` and the dry run show them before anything runs: per runtime, each package
 * with its directory and git state. Nothing when every runtime uses its published packages.
 */
public final class SourcesView {

    private SourcesView() {}

    public static List<String> render(Collection<RuntimeConfig> runtimes, Style style) {
        List<String> lines = new ArrayList<>();
        for (RuntimeConfig rt : runtimes)
            for (LocalSource source : rt.sources())
                lines.add("  " + style.cyan(rt.name()) + ": "
                        + SourceRevision.of(source).describe());
        if (!lines.isEmpty()) lines.add(0, style.bold("Local sources") + " (instead of the published packages)");
        return lines;
    }
}
