package conform.console;

import conform.config.ConformConfig;
import conform.config.Settings;
import conform.plan.Plan;
import conform.plan.PlannedRun;
import conform.spec.Suite;
import conform.spec.TestCase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The dry-run view of a plan: plugins × runtimes × models × tests, with counts and each model's effective settings. */
public final class PlanReport {

    private PlanReport() {}

    public static List<String> render(Plan plan, ConformConfig config, Settings cli, boolean verbose, Style style) {
        List<String> lines = new ArrayList<>();
        lines.add(style.bold(String.format(Locale.ROOT, "Plan: %d plugin(s) × %d runtime(s) → %d run(s), %d model(s), %d test(s)%s",
                plan.pluginCount(), plan.runtimeCount(), plan.runs().size(), plan.modelCount(), plan.testCount(),
                plan.skippedCount() > 0 ? ", " + plan.skippedCount() + " run(s) skipped" : "")));
        Settings global = config.settingsFor(null, null, cli);
        lines.add(style.dim(String.format(Locale.ROOT, "  -j %d plugin runs at once · config %s", global.concurrency(), config.file())));
        for (PlannedRun run : plan.runs()) {
            lines.add("");
            String head = style.bold(run.plugin()) + " " + style.cyan("(" + run.runtimeName() + ")");
            if (!run.runnable()) {
                lines.add("  " + head + "  " + style.yellow("SKIPPED") + " " + run.skipReason());
                continue;
            }
            lines.add(String.format(Locale.ROOT, "  %s  %d model(s), %d test(s): %d std + %d custom · %s", head,
                    run.spec().suites().size(), run.testCount(), run.spec().builtinCount(), run.spec().customCount(),
                    style.dim(String.join(" ", run.runtime().commandFor(run.plugin())))));
            for (Suite suite : run.spec().suites()) {
                Settings s = config.settingsFor(run.plugin(), suite.model(), cli);
                lines.add(String.format(Locale.ROOT, "    %-44s %2d test(s)  %s", suite.model(), suite.tests().size(),
                        style.dim(String.format(Locale.ROOT, "-t %d · retries %d · timeout %ss", s.testConcurrency(), s.maxRetries(), seconds(s.actionTimeoutSeconds())))));
                if (verbose) {
                    for (TestCase test : suite.tests()) {
                        lines.add("      " + (test.stream() ? "⇶ " : "· ") + test.name() + style.dim("  [" + String.join(", ",
                                test.validators().stream().map(Object::toString).toList()) + "]"));
                    }
                }
            }
        }
        return lines;
    }

    static String seconds(double s) {
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }
}
