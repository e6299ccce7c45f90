package conform.console;

import static org.junit.jupiter.api.Assertions.*;

import conform.config.TestId;
import conform.redact.Redactor;
import conform.runner.RunResult;
import conform.runner.RunStatus;
import conform.runner.TestResult;
import conform.runner.TestStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a CI log shows at the end of a run with every status: no escape codes, every fact on its line. */
class PlainOutputTest {

    private static TestResult test(String runtime, String name, TestStatus status, String error) {
        return new TestResult(new TestId("echo", runtime, "conformtest/echo", name), status, 1, false, error, 5L, null);
    }

    private static String summary() {
        List<RunResult> runs = List.of(
                new RunResult(
                        "echo",
                        "js",
                        RunStatus.FAILED,
                        null,
                        List.of(
                                test("js", "Passes", TestStatus.PASSED, null),
                                test(
                                        "js",
                                        "Wrong word",
                                        TestStatus.FAILED,
                                        "text-includes:banana: Response text does not include 'banana'"),
                                test("js", "Throws", TestStatus.ERROR, "provider exploded"),
                                test("js", "Sleeps", TestStatus.TIMEOUT, "no complete answer within 1s"),
                                test("js", "Known", TestStatus.XFAIL, "no (known failure: bug 1)"),
                                test(
                                        "js",
                                        "Stale",
                                        TestStatus.XPASS,
                                        "passed, but [[conform.known-failures]] says it fails (bug 2): remove that"
                                                + " entry")),
                        2100,
                        900L,
                        1200L,
                        Path.of("/tmp/logs/echo-js.log"),
                        List.of()),
                new RunResult(
                        "echo",
                        "go",
                        RunStatus.ERROR,
                        "runtime did not start: the entry exited with code 3",
                        List.of(test(
                                "go",
                                "Passes",
                                TestStatus.ERROR,
                                "runtime did not start: the entry exited with code 3")),
                        40,
                        null,
                        null,
                        Path.of("/tmp/logs/echo-go.log"),
                        List.of("panic: boom")),
                new RunResult(
                        "broke",
                        "go",
                        RunStatus.XFAIL,
                        null,
                        List.of(
                                new TestResult(
                                        new TestId("broke", "go", "b/m", "One"),
                                        TestStatus.XFAIL,
                                        1,
                                        false,
                                        "no (known failure: bug 3)",
                                        5L,
                                        null),
                                new TestResult(
                                        new TestId("broke", "go", "b/m", "Two"),
                                        TestStatus.XFAIL,
                                        1,
                                        false,
                                        "no (known failure: bug 3)",
                                        5L,
                                        null)),
                        300,
                        50L,
                        250L,
                        Path.of("/tmp/logs/broke-go.log"),
                        List.of()),
                new RunResult(
                        "keyed",
                        "python",
                        RunStatus.SKIPPED,
                        "missing env: KEYED_API_KEY",
                        List.of(new TestResult(
                                new TestId("keyed", "python", "k/m", "Passes"),
                                TestStatus.SKIPPED,
                                0,
                                false,
                                "missing env: KEYED_API_KEY",
                                null,
                                null)),
                        0,
                        null,
                        null,
                        null,
                        List.of()));
        StringWriter err = new StringWriter();
        Console console = new Console(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                Style.plain(),
                Redactor.fromEnvironment(Map.of(), List.of()));
        RunSummary.print(
                console,
                runs,
                65_400,
                r -> "./jbang conform check-model " + r.plugin() + " --runtime " + r.runtime() + " --emulate -v");
        return err.toString();
    }

    @Test
    void theSummaryOfEveryStatus() {
        String expected = """

              Plugin  Runtime  Result   Passed  Time   Details
              ──────  ───────  ───────  ──────  ─────  ─────────────────────────────────────────────────────────────
              echo    js       FAILED   1/6     2.1s   1 failed · 1 error · 1 timeout · 1 xpass · 1 xfail
              echo    go       ERROR    —       40ms   1 error · runtime did not start: the entry exited with code 3
              broke   go       XFAIL    0/2     300ms  every test is a known failure · 2 xfail
              keyed   python   SKIPPED  —       —      missing env: KEYED_API_KEY

            error[E0003]: conformance tests failed for `echo` in js
               = note: 4 of 6 test(s) did not pass, or passed against a known-failure record
               = hint: rerun just this: ./jbang conform check-model echo --runtime js --emulate -v

            error[E0002]: the go runtime of `echo` failed
               = note: runtime did not start: the entry exited with code 3
                       last lines of /tmp/logs/echo-go.log:
                       panic: boom
               = hint: rerun just this: ./jbang conform check-model echo --runtime go --emulate -v

            warning[W0004]: every test of `broke` in go is a known failure: nothing in it passed
               = note: its records are in [[conform.known-failures]]; the run passes, but the plugin does not work here

            Failed tests
              Plugin  Runtime  Model             Test        Status   Error
              ──────  ───────  ────────────────  ──────────  ───────  ───────────────────────────────────────────────────────────────────────────────
              echo    js       conformtest/echo  Wrong word  failed   text-includes:banana: Response text does not include 'banana'
              echo    js       conformtest/echo  Throws      error    provider exploded
              echo    js       conformtest/echo  Sleeps      timeout  no complete answer within 1s
              echo    js       conformtest/echo  Stale       xpass    passed, but [[conform.known-failures]] says it fails (bug 2): remove that entry
              echo    go       conformtest/echo  Passes      error    runtime did not start: the entry exited with code 3

              1 passed · 2 failed · 3 error(s) · 3 known failure(s) · 1 skipped  (4 run(s), 1m 5.4s wall time)
            """;
        assertEquals(expected, summary().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void plainOutputHasNoEscapeCodes() {
        assertFalse(summary().contains("\u001B["));
    }
}
