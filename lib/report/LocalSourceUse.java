package conform.report;

import conform.runner.RunResult;
import conform.runtime.SourceRevision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs that used the same local sources in one runtime, as every report names them: a report must never pass a local
 * build off as the published package.
 *
 * @param plugins the runs' plugins, in run order
 */
public record LocalSourceUse(String runtime, List<SourceRevision> sources, List<String> plugins) {

    /** The runs of {@code runs} that used local sources, grouped by runtime and sources, in run order; empty: none did. */
    public static List<LocalSourceUse> of(List<RunResult> runs) {
        Map<List<Object>, LocalSourceUse> groups = new LinkedHashMap<>();
        for (RunResult run : runs) {
            if (run.sources().isEmpty()) continue;
            groups.computeIfAbsent(
                            List.of(run.runtime(), run.sources()),
                            k -> new LocalSourceUse(run.runtime(), run.sources(), new ArrayList<>()))
                    .plugins()
                    .add(run.plugin());
        }
        return groups.values().stream()
                .map(u -> new LocalSourceUse(u.runtime(), u.sources(), List.copyOf(u.plugins())))
                .toList();
    }

    /** One line per source: "js: @genkit-ai/anthropic from … (git 1a2b3c4, uncommitted changes), for anthropic". */
    public List<String> lines() {
        return sources.stream()
                .map(s -> runtime + ": " + s.describe() + ", for " + String.join(", ", plugins))
                .toList();
    }
}
