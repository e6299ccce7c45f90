package conform.console;

import conform.diag.Diagnostic;
import conform.report.Durations;
import conform.runner.RunResult;
import conform.runner.RunStatus;
import conform.runner.TestResult;
import conform.runner.TestStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end of a run on the console: a table of plugin runs, one diagnostic per run that did not pass (with the
 * command that reruns just it), the failed tests, and a footer with the run's real wall time.
 */
public final class RunSummary {

    private RunSummary() {}

    public static void print(Console console, List<RunResult> runs, long wallMs) {
        Style style = console.style();
        Table table = new Table("Plugin", "Runtime", "Result", "Passed", "Time", "Details");
        for (RunResult r : runs) {
            long total = r.tests().size();
            table.row(
                    r.plugin(),
                    r.runtime(),
                    status(style, r.status()),
                    r.count(TestStatus.PASSED) + "/" + total,
                    r.status() == RunStatus.SKIPPED ? "—" : Durations.format(r.elapsedMs()),
                    details(r));
        }
        console.err("");
        table.render(style).forEach(console::err);
        console.err("");
        for (RunResult r : runs) {
            Diagnostic d = diagnostic(r);
            if (d != null) console.diagnostic(d);
        }
        List<TestResult> failed = runs.stream()
                .flatMap(r -> r.tests().stream())
                .filter(t -> !t.status().acceptable())
                .toList();
        if (!failed.isEmpty()) {
            console.err(style.bold("Failed tests"));
            Table tests = new Table("Plugin", "Runtime", "Model", "Test", "Status", "Error");
            for (TestResult t : failed) {
                tests.row(
                        t.plugin(),
                        t.runtime(),
                        t.model(),
                        t.test(),
                        style.red(t.status().label()),
                        t.error() == null ? "(no details)" : ProgressLines.firstLine(t.error()));
            }
            tests.render(style).forEach(console::err);
            console.err("");
        }
        console.err(footer(style, runs, wallMs));
    }

    static String details(RunResult r) {
        List<String> parts = new ArrayList<>();
        for (TestStatus s : new TestStatus[] {
            TestStatus.FAILED, TestStatus.ERROR, TestStatus.TIMEOUT, TestStatus.XPASS, TestStatus.XFAIL
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
            case FAILED -> style.red("FAILED");
            case ERROR -> style.error("ERROR");
            case SKIPPED -> style.yellow("SKIPPED");
        };
    }

    static Diagnostic diagnostic(RunResult r) {
        String rerun = "rerun just this: conform check-model " + r.plugin() + " --runtime " + r.runtime() + " -v";
        return switch (r.status()) {
            case PASSED -> null;
            case SKIPPED ->
                Diagnostic.warning("W0001", "skipped `" + r.plugin() + "` in " + r.runtime())
                        .note(r.reason());
            case FAILED ->
                Diagnostic.error("E0003", "conformance tests failed for `" + r.plugin() + "` in " + r.runtime())
                        .note(r.tests().stream()
                                        .filter(t -> !t.status().acceptable())
                                        .count() + " of " + r.tests().size()
                                + " test(s) did not pass, or passed against a known-failure record")
                        .hint(rerun);
            case ERROR ->
                Diagnostic.error("E0002", "the " + r.runtime() + " runtime of `" + r.plugin() + "` failed")
                        .note(r.reason()
                                + (r.logTail().isEmpty()
                                        ? ""
                                        : "\nlast lines of " + r.log() + ":\n" + String.join("\n", r.logTail())))
                        .hint(rerun);
        };
    }

    static String footer(Style style, List<RunResult> runs, long wallMs) {
        long passed = 0, failed = 0, errors = 0, skipped = 0, flaky = 0, known = 0;
        for (RunResult r : runs) {
            passed += r.count(TestStatus.PASSED);
            known += r.count(TestStatus.XFAIL);
            failed += r.count(TestStatus.FAILED) + r.count(TestStatus.XPASS);
            errors += r.count(TestStatus.ERROR) + r.count(TestStatus.TIMEOUT);
            skipped += r.count(TestStatus.SKIPPED);
            flaky += r.flakyCount();
        }
        List<String> parts = new ArrayList<>();
        parts.add(style.green(passed + " passed"));
        if (failed > 0) parts.add(style.red(failed + " failed"));
        if (errors > 0) parts.add(style.red(errors + " error(s)"));
        if (known > 0) parts.add(style.yellow(known + " known failure(s)"));
        if (skipped > 0) parts.add(style.yellow(skipped + " skipped"));
        if (flaky > 0) parts.add(style.yellow(flaky + " flaky"));
        return String.format(
                Locale.ROOT,
                "  %s  (%d run(s), %s wall time)",
                String.join(" · ", parts),
                runs.size(),
                Durations.format(wallMs));
    }
}
