package conform.console;

import conform.diag.Diagnostic;
import conform.report.Durations;
import conform.report.LocalSourceUse;
import conform.runner.RunResult;
import conform.runner.RunStatus;
import conform.runner.Runner;
import conform.runner.TestResult;
import conform.runner.TestStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The end of a run on the console: a table of plugin runs (a skipped run is listed there once, with its reason), one
 * diagnostic per run that did not pass (with the command that reruns just it), the failed tests, and a footer with
 * the run's real wall time.
 */
public final class RunSummary {

    private RunSummary() {}

    /** @param rerun the command line that repeats just one run, as the user launched conform */
    public static void print(Console console, List<RunResult> runs, long wallMs, Function<RunResult, String> rerun) {
        Style style = console.style();
        Table table = new Table("Plugin", "Runtime", "Result", "Passed", "Time", "Details");
        for (RunResult r : runs) {
            boolean ran = r.startupMs() != null;
            table.row(
                    r.plugin(),
                    r.runtime(),
                    status(style, r.status()),
                    ran ? r.count(TestStatus.PASSED) + "/" + r.tests().size() : "—",
                    r.status() == RunStatus.SKIPPED ? "—" : Durations.format(r.elapsedMs()),
                    details(r));
        }
        console.err("");
        table.render(style).forEach(console::err);
        console.err("");
        localSources(console, runs);
        for (RunResult r : runs) {
            Diagnostic d = diagnostic(r, rerun);
            if (d != null) console.diagnostic(d);
        }
        List<TestResult> failed = runs.stream()
                .flatMap(r -> r.tests().stream())
                .filter(t -> !t.status().acceptable() && t.status() != TestStatus.INTERRUPTED)
                .toList();
        if (!failed.isEmpty()) {
            console.err(style.bold("Failed tests"));
            Table tests = new Table("Plugin", "Runtime", "Model", "Test", "Status", "Error");
            for (TestResult t : failed) {
                String error = t.error() == null ? "(no details)" : ProgressLines.firstLine(t.error());
                tests.row(
                        t.plugin(),
                        t.runtime(),
                        t.model(),
                        t.test(),
                        style.red(t.status().label()),
                        error);
            }
            tests.render(style).forEach(console::err);
            console.err("");
        }
        console.err(footer(style, runs, wallMs));
    }

    /** Which runs used local sources instead of the published packages, so the table is not read as theirs. */
    private static void localSources(Console console, List<RunResult> runs) {
        List<LocalSourceUse> uses = LocalSourceUse.of(runs);
        if (uses.isEmpty()) return;
        console.err(console.style().bold("Local sources") + " (not the published packages)");
        uses.forEach(use -> use.lines().forEach(line -> console.err("  " + line)));
        console.err("");
    }

    static String details(RunResult r) {
        List<String> parts = new ArrayList<>();
        if (!r.sources().isEmpty()) parts.add("local sources");
        if (r.status() == RunStatus.XFAIL) parts.add("every test is a known failure");
        for (TestStatus s : new TestStatus[] {
            TestStatus.FAILED,
            TestStatus.ERROR,
            TestStatus.TIMEOUT,
            TestStatus.XPASS,
            TestStatus.XFAIL,
            TestStatus.INTERRUPTED
        }) {
            long n = r.count(s);
            if (n > 0) parts.add(n + " " + s.label());
        }
        if (r.flakyCount() > 0) parts.add(r.flakyCount() + " flaky");
        if (r.reason() != null) parts.add(ProgressLines.firstLine(r.reason()));
        String joined = String.join(" · ", parts);
        return joined.length() > 100 ? joined.substring(0, 99) + "…" : joined;
    }

    private static String status(Style style, RunStatus status) {
        return switch (status) {
            case PASSED -> style.green("PASSED");
            case XFAIL -> style.yellow("XFAIL");
            case FAILED -> style.red("FAILED");
            case ERROR -> style.error("ERROR");
            case SKIPPED -> style.yellow("SKIPPED");
            case INTERRUPTED -> style.yellow("INTERRUPTED");
        };
    }

    static Diagnostic diagnostic(RunResult r, Function<RunResult, String> rerun) {
        String hint = "rerun just this: " + rerun.apply(r);
        return switch (r.status()) {
            case PASSED, SKIPPED, INTERRUPTED -> null;
            case XFAIL ->
                Diagnostic.warning(
                                "W0004",
                                "every test of `" + r.plugin() + "` in " + r.runtime()
                                        + " is a known failure: nothing in it passed")
                        .note("its records are in [[conform.known-failures]]; the run passes, but the plugin does"
                                + " not work here");
            case FAILED ->
                Diagnostic.error("E0003", "conformance tests failed for `" + r.plugin() + "` in " + r.runtime())
                        .note(r.tests().stream()
                                        .filter(t -> !t.status().acceptable())
                                        .count() + " of " + r.tests().size()
                                + " test(s) did not pass, or passed against a known-failure record")
                        .hint(hint);
            case ERROR ->
                Diagnostic.error(
                                "E0002",
                                "the " + r.runtime() + " runtime of `" + r.plugin() + "` failed"
                                        + (r.runner() == Runner.CONFORM ? "" : " under " + r.runner().title))
                        .note(r.reason()
                                + (r.logTail().isEmpty()
                                        ? ""
                                        : "\nlast lines of " + r.log() + ":\n" + String.join("\n", r.logTail())))
                        .hint(hint);
        };
    }

    static String footer(Style style, List<RunResult> runs, long wallMs) {
        List<TestResult> tests = runs.stream().flatMap(r -> r.tests().stream()).toList();
        List<String> parts = new ArrayList<>();
        parts.add(style.green(count(tests, TestStatus.PASSED) + " passed"));
        addIfAny(parts, count(tests, TestStatus.FAILED) + count(tests, TestStatus.XPASS), style::red, " failed");
        addIfAny(parts, count(tests, TestStatus.ERROR) + count(tests, TestStatus.TIMEOUT), style::red, " error(s)");
        addIfAny(parts, count(tests, TestStatus.XFAIL), style::yellow, " known failure(s)");
        addIfAny(parts, count(tests, TestStatus.SKIPPED), style::yellow, " skipped");
        addIfAny(parts, count(tests, TestStatus.INTERRUPTED), style::yellow, " interrupted");
        addIfAny(parts, tests.stream().filter(TestResult::flaky).count(), style::yellow, " flaky");
        return String.format(
                Locale.ROOT,
                "  %s  (%d run(s), %s wall time)",
                String.join(" · ", parts),
                runs.size(),
                Durations.format(wallMs));
    }

    private static long count(List<TestResult> tests, TestStatus status) {
        return tests.stream().filter(t -> t.status() == status).count();
    }

    private static void addIfAny(List<String> parts, long n, Function<String, String> paint, String what) {
        if (n > 0) parts.add(paint.apply(n + what));
    }
}
