package conform.console;

import conform.config.TestId;
import conform.report.Durations;
import conform.runner.RunListener;
import conform.runner.RunResult;
import conform.runner.RunStatus;
import conform.runner.TestResult;
import conform.runner.TestStatus;
import java.time.Duration;

/**
 * Append-only progress on stderr: one line per finished plugin run; with -v also runtime start-up, each
 * test, retries and notes. Lines from concurrent runs interleave but never tear (Console writes whole lines).
 */
public final class ProgressLines implements RunListener {

    private final Console console;
    private final boolean verbose;

    public ProgressLines(Console console, boolean verbose) {
        this.console = console;
        this.verbose = verbose;
    }

    private String who(String plugin, String runtime) {
        return console.style().bold(plugin) + " " + console.style().cyan("(" + runtime + ")");
    }

    @Override
    public void runStarting(String plugin, String runtime, int tests) {
        if (verbose) console.err("  ▶ " + who(plugin, runtime) + " starting the runtime for " + tests + " test(s)");
    }

    @Override
    public void runRunning(String plugin, String runtime, long startupMs) {
        if (verbose) console.err("  ▶ " + who(plugin, runtime) + " runtime ready in " + Durations.format(startupMs));
    }

    @Override
    public void note(String plugin, String runtime, String message) {
        console.err("  " + console.style().yellow("⚠") + " " + who(plugin, runtime) + " " + message);
    }

    @Override
    public void retrying(TestId test, int retry, int maxRetries, String error, Duration wait) {
        if (verbose) {
            console.err("    " + console.style().yellow("⟳") + " retry " + retry + "/" + maxRetries + " of "
                    + test.model() + " · " + test.test() + " in " + Durations.format(wait.toMillis()) + ": "
                    + firstLine(error));
        }
    }

    @Override
    public void testFinished(TestResult t) {
        if (!verbose || t.status() == TestStatus.SKIPPED) return;
        String mark = t.passed()
                ? console.style().green("✓")
                : t.status() == TestStatus.XFAIL
                        ? console.style().yellow("✗")
                        : console.style().red("✗");
        String timing = t.latencyMs() == null
                ? ""
                : console.style()
                        .dim(" " + Durations.format(t.latencyMs())
                                + (t.firstChunkMs() == null
                                        ? ""
                                        : ", first chunk " + Durations.format(t.firstChunkMs())));
        String tail = t.passed()
                ? (t.flaky() ? console.style().yellow(" flaky after " + t.attempts() + " attempts") : "")
                : " " + console.style().red(t.status().label()) + ": " + firstLine(t.error());
        console.err("    " + mark + " " + t.id() + timing + tail);
    }

    /** One line per finished run; a skipped run is left to the summary's table, which lists it with its reason. */
    @Override
    public void runFinished(RunResult r) {
        if (r.status() == RunStatus.SKIPPED) return;
        long total = r.tests().size();
        long passed = r.count(TestStatus.PASSED);
        String time = Durations.format(r.elapsedMs());
        String line = switch (r.status()) {
            case PASSED ->
                console.style().green("✓") + " " + who(r.plugin(), r.runtime()) + " passed " + passed + "/" + total
                        + (r.count(TestStatus.XFAIL) > 0
                                ? console.style().yellow(" (" + r.count(TestStatus.XFAIL) + " known failure(s))")
                                : "")
                        + " " + console.style().dim(time);
            case FAILED ->
                console.style().red("✗") + " " + who(r.plugin(), r.runtime()) + " failed " + passed + "/" + total
                        + " passed " + console.style().dim(time);
            case ERROR ->
                console.style().error("!") + " " + who(r.plugin(), r.runtime()) + " error: " + firstLine(r.reason());
            case XFAIL ->
                console.style().yellow("⊘") + " " + who(r.plugin(), r.runtime()) + " all " + r.count(TestStatus.XFAIL)
                        + " known failures, nothing passed " + console.style().dim(time);
            case INTERRUPTED -> console.style().yellow("■") + " " + who(r.plugin(), r.runtime()) + " interrupted";
            case SKIPPED -> throw new IllegalStateException("skipped runs are listed by the summary");
        };
        console.err("  " + line);
    }

    @Override
    public void log(String line) {
        console.err(line);
    }

    static String firstLine(String text) {
        if (text == null) return "";
        String first = text.strip().lines().findFirst().orElse("");
        return first.length() > 200 ? first.substring(0, 199) + "…" : first;
    }
}
