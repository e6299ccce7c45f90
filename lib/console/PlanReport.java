package conform.console;

import conform.config.RuntimeConfig;
import conform.plan.Plan;
import conform.plan.PlannedRun;
import conform.plan.ResolvedSettings;
import conform.runtime.SourceOverlay;
import conform.spec.Suite;
import conform.spec.TestCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dry-run view of a plan: plugins × runtimes × models × tests, with counts and the settings the plan resolved
 * for each run and model (the same objects a run uses). With -v: every test, and every setting.
 */
public final class PlanReport {

    private PlanReport() {}

    public static List<String> render(Plan plan, Path configFile, boolean verbose, Style style) {
        List<String> lines = new ArrayList<>();
        lines.add(style.bold(String.format(
                Locale.ROOT,
                "Plan: %d plugin(s) × %d runtime(s) → %d run(s), %d model(s), %d test(s)%s",
                plan.pluginCount(),
                plan.runtimeCount(),
                plan.runs().size(),
                plan.modelCount(),
                plan.testCount(),
                plan.skippedCount() > 0 ? ", " + plan.skippedCount() + " run(s) skipped" : "")));
        lines.add(style.dim(
                String.format(Locale.ROOT, "  -j %d plugin runs at once · config %s", plan.concurrency(), configFile)));
        Map<String, RuntimeConfig> runtimes = new LinkedHashMap<>();
        plan.runnable().forEach(run -> runtimes.putIfAbsent(run.runtimeName(), run.runtime()));
        List<String> sources = SourcesView.render(runtimes.values(), style);
        if (!sources.isEmpty()) lines.add("");
        lines.addAll(sources);
        for (PlannedRun run : plan.runs()) {
            lines.add("");
            String head = style.bold(run.plugin()) + " " + style.cyan("(" + run.runtimeName() + ")");
            if (!run.runnable()) {
                lines.add("  " + head + "  " + style.yellow("SKIPPED") + " " + run.skipReason());
                continue;
            }
            lines.add(String.format(
                    Locale.ROOT,
                    "  %s  %d model(s), %d test(s): %d std + %d custom · %s",
                    head,
                    run.spec().suites().size(),
                    run.testCount(),
                    run.spec().builtinCount(),
                    run.spec().customCount(),
                    style.dim(String.join(" ", SourceOverlay.command(run.runtime(), run.plugin())))));
            if (verbose) {
                ResolvedSettings s = run.settings();
                lines.add(style.dim("    runtime: start-up timeout "
                        + seconds(s.startupTimeout().toMillis()) + " · health probe "
                        + seconds(s.healthTimeout().toMillis()) + " · -t " + s.testConcurrency() + " tests at once"));
            }
            for (Suite suite : run.spec().suites()) {
                lines.add(String.format(
                        Locale.ROOT,
                        "    %-44s %2d test(s)  %s",
                        suite.model(),
                        suite.tests().size(),
                        style.dim(modelSettings(run.settingsFor(suite.model()), verbose))));
                if (verbose) {
                    for (TestCase test : suite.tests()) {
                        lines.add("      " + (test.stream() ? "⇶ " : "· ") + test.name()
                                + style.dim("  ["
                                        + String.join(
                                                ", ",
                                                test.validators().stream()
                                                        .map(Object::toString)
                                                        .toList()) + "]"));
                    }
                }
            }
        }
        return lines;
    }

    private static String modelSettings(ResolvedSettings s, boolean verbose) {
        String line = String.format(
                Locale.ROOT,
                "-t %d · retries %d · timeout %s",
                s.testConcurrency(),
                s.maxRetries(),
                seconds(s.actionTimeout().toMillis()));
        return verbose ? line + " · backoff from " + seconds(s.retryBaseDelay().toMillis()) : line;
    }

    /** Whole seconds without a fraction: "7s", "0.25s". */
    static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.valueOf(millis / 1000.0) + "s";
    }
}
