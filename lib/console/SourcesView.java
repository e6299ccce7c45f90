package conform.console;

import conform.config.RuntimeConfig;
import conform.runtime.SourceRevision;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local sources in effect, as `list`, the dry run and `models` show them: per runtime, each package with its
 * directory and git state. Nothing when every runtime uses its published packages.
 */
public final class SourcesView {

    private SourcesView() {}

    /** The sources of {@code runtimes} as they are now. */
    public static List<String> render(Collection<RuntimeConfig> runtimes, Style style) {
        Map<String, List<SourceRevision>> byRuntime = new LinkedHashMap<>();
        for (RuntimeConfig rt : runtimes)
            if (!rt.sources().isEmpty())
                byRuntime.put(
                        rt.name(), rt.sources().stream().map(SourceRevision::of).toList());
        return render(byRuntime, style);
    }

    /** Sources as a run or an inventory used them, per runtime. */
    public static List<String> render(Map<String, List<SourceRevision>> byRuntime, Style style) {
        List<String> lines = new ArrayList<>();
        byRuntime.forEach((runtime, sources) ->
                sources.forEach(source -> lines.add("  " + style.cyan(runtime) + ": " + source.describe())));
        if (!lines.isEmpty()) lines.add(0, style.bold("Local sources") + " (instead of the published packages)");
        return lines;
    }
}
