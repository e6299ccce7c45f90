package conform.runner;

import conform.spec.Suite;
import conform.spec.TestCase;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * genkit dev:test-model's output, read line by line as it comes: when its tests start, which suite runs (the suites run
 * one after another, each opening with "Testing model: MODEL"), and each test's verdict — "✅ Passed: NAME", or
 * "❌ Failed: NAME - MESSAGE", whose message runs on over the lines that follow (a JSON dump, a stack) until the CLI's
 * next line of its own. Colour codes are ignored. Lines arrive on the log follower's thread; the run's thread reads the
 * state.
 */
final class CanonicalOutput {

    /**
     * One test's verdict.
     *
     * @param suite   the index of its suite in the spec
     * @param failure the CLI's message, or null when it passed
     */
    record Verdict(int suite, TestCase test, String failure) {}

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final Pattern SUITE = Pattern.compile("Testing model: (.*)");
    private static final Pattern PASSED = Pattern.compile("✅ Passed: (.*)");
    private static final Pattern FAILED = Pattern.compile("(?:Error: )?❌ Failed: (.*)");
    private static final Pattern STARTING = Pattern.compile(
            "All \\d+ model actions registered\\. Starting tests\\.|Warn: Not all model actions registered.*");
    private static final Pattern COMPLETED = Pattern.compile("Tests Completed: \\d+ Passed, \\d+ Failed");
    /** The CLI's other lines: its logger prefixes every level but info, and info lines of its own. */
    private static final Pattern OWN_LINE =
            Pattern.compile("(?:Error|Warn|Debug|Verbose|Silly|Http): .*|Running test: .*|-{50}");

    private final List<Suite> suites;
    private final Consumer<Verdict> verdicts;
    private int suite = -1;
    private long suiteStartedNanos;
    /** When the CLI started its tests (System.nanoTime()), or 0 while it has not. */
    private long testsStartedNanos;

    private boolean completed;
    private TestCase failing;
    private StringBuilder message;

    /** @param verdicts receives each test's verdict as soon as it is whole */
    CanonicalOutput(List<Suite> suites, Consumer<Verdict> verdicts) {
        this.suites = suites;
        this.verdicts = verdicts;
    }

    synchronized void line(String raw) {
        String line = ANSI.matcher(raw).replaceAll("").stripTrailing();
        Matcher m;
        if ((m = SUITE.matcher(line)).matches()) {
            flush();
            startTests();
            suite = next(m.group(1));
            suiteStartedNanos = System.nanoTime();
        } else if ((m = PASSED.matcher(line)).matches()) {
            flush();
            TestCase test = named(m.group(1));
            if (test != null) verdicts.accept(new Verdict(suite, test, null));
        } else if ((m = FAILED.matcher(line)).matches()) {
            flush();
            startFailure(m.group(1));
        } else if (STARTING.matcher(line).matches()) {
            flush();
            startTests();
        } else if (COMPLETED.matcher(line).matches()) {
            flush();
            completed = true;
        } else if (OWN_LINE.matcher(line).matches()) {
            flush();
        } else if (failing != null) {
            message.append('\n').append(line);
        }
    }

    /** The output has ended: a failure still being read is whole. */
    synchronized void end() {
        flush();
    }

    synchronized boolean testsStarted() {
        return testsStartedNanos != 0;
    }

    synchronized long testsStartedNanos() {
        return testsStartedNanos;
    }

    private void startTests() {
        if (testsStartedNanos == 0) testsStartedNanos = System.nanoTime();
    }

    synchronized boolean completed() {
        return completed;
    }

    /** The suite running now (its index in the spec), or -1 before the first. */
    synchronized int suite() {
        return suite;
    }

    synchronized long suiteStartedNanos() {
        return suiteStartedNanos;
    }

    private int next(String model) {
        for (int i = suite + 1; i < suites.size(); i++)
            if (suites.get(i).model().equals(model)) return i;
        return suite;
    }

    private TestCase named(String name) {
        if (suite < 0) return null;
        for (TestCase test : suites.get(suite).tests())
            if (test.name().stripTrailing().equals(name)) return test;
        return null;
    }

    /** "NAME - MESSAGE": the longest name of the suite's tests that REST starts with, then " - " (CanonicalSpec keeps this unambiguous). */
    private void startFailure(String rest) {
        if (suite < 0) return;
        TestCase best = null;
        for (TestCase test : suites.get(suite).tests()) {
            String name = test.name();
            boolean fits = rest.startsWith(name + " - ") || rest.equals(name + " -");
            if (fits && (best == null || name.length() > best.name().length())) best = test;
        }
        if (best == null) return;
        failing = best;
        message = new StringBuilder(
                rest.substring(Math.min(rest.length(), best.name().length() + 3)));
    }

    private void flush() {
        if (failing == null) return;
        verdicts.accept(new Verdict(suite, failing, message.toString().strip()));
        failing = null;
        message = null;
    }
}
