package conform.runner;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import conform.config.KnownFailure;
import conform.config.TestId;
import conform.diag.SourceLocation;
import conform.plan.ResolvedSettings;
import conform.spec.TestCase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Retries, the serial re-run, flaky and known-failure verdicts, and test budgets, against a scripted runtime. */
class TestRoundsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<TestResult> reported = Collections.synchronizedList(new ArrayList<>());
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final RunListener listener = new RunListener() {
        @Override
        public void testFinished(TestResult result) {
            reported.add(result);
        }

        @Override
        public void note(String plugin, String runtime, String message) {
            notes.add(message);
        }
    };

    private final Interruption interruption = new Interruption();

    private static ResolvedSettings settings(int testConcurrency, int maxRetries) {
        return new ResolvedSettings(
                testConcurrency,
                maxRetries,
                Duration.ZERO,
                Duration.ofSeconds(7),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30));
    }

    private static TestCase test(String name) {
        ObjectNode input = JSON.createObjectNode();
        input.putArray("messages")
                .addObject()
                .put("role", "user")
                .putArray("content")
                .addObject()
                .put("text", name);
        return new TestCase(name, null, false, input, List.of(), SourceLocation.of(Path.of("spec.yaml")));
    }

    /** One job per name, all of model {@code m}, with {@code settings}; names in {@code known} are recorded known failures. */
    private static List<Job> jobs(ResolvedSettings settings, List<String> known, String... names) {
        List<Job> jobs = new ArrayList<>();
        for (String name : names)
            jobs.add(
                    new Job(jobs.size(), new TestId("p", "js", "m", name), test(name), settings, known.contains(name)));
        return jobs;
    }

    private List<TestResult> run(
            ScriptedRuntime runtime, List<Job> jobs, ResolvedSettings runSettings, KnownFailure... known) {
        return run(ScriptedRuntime.CHECK, runtime, jobs, runSettings, known);
    }

    private List<TestResult> run(
            ResponseCheck check,
            ScriptedRuntime runtime,
            List<Job> jobs,
            ResolvedSettings runSettings,
            KnownFailure... known) {
        TestRounds rounds = new TestRounds(
                new TestExecutor(check, listener, interruption, Map.of()),
                new KnownFailures(List.of(known)),
                listener,
                interruption);
        return rounds.run(runtime, jobs, runSettings);
    }

    /** One test, {@code t}, run with the same settings for its model and for the run. */
    private TestResult runOne(ScriptedRuntime runtime, ResolvedSettings settings) {
        return run(runtime, jobs(settings, List.of(), "t"), settings).get(0);
    }

    private static Map<String, TestResult> byName(List<TestResult> results) {
        return results.stream().collect(Collectors.toMap(TestResult::test, r -> r));
    }

    @Test
    void aTestThatPassesOnARetryIsFlaky() {
        ScriptedRuntime runtime = new ScriptedRuntime().answer("t", "bad", "ok");
        TestResult r = runOne(runtime, settings(1, 2));
        assertEquals(TestStatus.PASSED, r.status());
        assertTrue(r.flaky());
        assertEquals(2, r.attempts());
        assertEquals(
                List.of(Duration.ofSeconds(7), Duration.ofSeconds(7)),
                runtime.timeouts(),
                "each call gets the model's action timeout");
    }

    @Test
    void retriesStopAtTheLimitThenTheSerialReRunHasTheLastWord() {
        ScriptedRuntime runtime = new ScriptedRuntime().answer("t", "error").answer("u", "ok");
        Map<String, TestResult> r = byName(run(runtime, jobs(settings(3, 2), List.of(), "t", "u"), settings(3, 2)));
        assertEquals(TestStatus.ERROR, r.get("t").status());
        assertEquals("the provider said no", r.get("t").error());
        assertEquals(4, r.get("t").attempts(), "1 + 2 retries, then one serial call");
        assertEquals(4, runtime.callsOf("t"));
        assertFalse(r.get("t").flaky());
        assertTrue(notes.get(0).contains("1 test(s) failed: re-running them one at a time"), notes.toString());
    }

    @Test
    void theSerialReRunRescuesAFailureUnderLoadAsFlaky() {
        ScriptedRuntime runtime = new ScriptedRuntime().answer("t", "timeout", "timeout", "ok");
        TestResult r = runOne(runtime, settings(3, 1));
        assertEquals(TestStatus.PASSED, r.status());
        assertTrue(r.flaky(), "it failed before it passed");
        assertEquals(3, r.attempts());
    }

    @Test
    void noSerialReRunWithoutConcurrencyOrRetries() {
        ScriptedRuntime alone = new ScriptedRuntime().answer("t", "bad");
        assertEquals(3, runOne(alone, settings(1, 2)).attempts(), "-t 1: nothing ran beside it");
        ScriptedRuntime noRetries = new ScriptedRuntime().answer("t", "bad");
        assertEquals(1, runOne(noRetries, settings(3, 0)).attempts(), "retries off: one call");
        assertTrue(notes.isEmpty(), notes.toString());
    }

    @Test
    void whatCannotChangeIsNeverRetried() {
        ScriptedRuntime runtime = new ScriptedRuntime().answer("t", "missing");
        TestResult r = runOne(runtime, settings(3, 2));
        assertEquals(TestStatus.ERROR, r.status());
        assertEquals(1, runtime.callsOf("t"));
    }

    @Test
    void aDeadRuntimeEndsTheRetries() {
        ScriptedRuntime runtime = new ScriptedRuntime().answer("t", "error").dieAfter("t");
        assertEquals(1, runOne(runtime, settings(3, 2)).attempts());
    }

    @Test
    void aKnownFailureGetsOneAttemptAndAStalePassFails() {
        ScriptedRuntime runtime = new ScriptedRuntime().answer("broken", "bad").answer("fixed", "ok");
        KnownFailure broken =
                new KnownFailure("p", null, "*", "broken", null, KnownFailure.DEFAULT_STATUSES, false, "bug 1");
        KnownFailure fixed =
                new KnownFailure("p", "js", "m", "fixed", null, KnownFailure.DEFAULT_STATUSES, false, "bug 2");
        Map<String, TestResult> r = byName(run(
                runtime,
                jobs(settings(3, 2), List.of("broken", "fixed"), "broken", "fixed"),
                settings(3, 2),
                broken,
                fixed));
        assertEquals(TestStatus.XFAIL, r.get("broken").status());
        assertEquals(
                "the answer was not ok (known failure: bug 1)", r.get("broken").error());
        assertEquals(1, runtime.callsOf("broken"), "no retries, no serial re-run");
        assertEquals(TestStatus.XPASS, r.get("fixed").status());
        assertTrue(
                r.get("fixed").error().contains("remove that entry"),
                r.get("fixed").error());
        assertFalse(r.get("fixed").status().acceptable());
    }

    @Test
    void everyResultIsReportedOnceInSpecOrder() {
        ScriptedRuntime runtime = new ScriptedRuntime()
                .answer("a", "ok")
                .answer("b", "bad", "bad", "ok")
                .answer("c", "error")
                .answer("d", "ok");
        List<TestResult> results = run(runtime, jobs(settings(2, 1), List.of(), "a", "b", "c", "d"), settings(2, 1));
        assertEquals(
                List.of("a", "b", "c", "d"),
                results.stream().map(TestResult::test).toList());
        assertEquals(4, reported.size());
        assertEquals(
                Map.of("a", 1L, "b", 1L, "c", 1L, "d", 1L),
                reported.stream().collect(Collectors.groupingBy(TestResult::test, Collectors.counting())));
    }

    @Test
    void aModelsLowerLimitCapsItsTestsAtOnce() {
        ScriptedRuntime runtime = new ScriptedRuntime();
        String[] names = new String[12];
        for (int i = 0; i < names.length; i++) runtime.answer(names[i] = "t" + i, "ok");
        run(runtime, jobs(settings(1, 0), List.of(), names), settings(4, 0));
        assertEquals(1, runtime.mostInFlight(), "the model allows one test at a time, whatever -t is");
        ScriptedRuntime wide = new ScriptedRuntime();
        for (String n : names) wide.answer(n, "ok");
        run(wide, jobs(settings(4, 0), List.of(), names), settings(4, 0));
        assertTrue(wide.mostInFlight() > 1 && wide.mostInFlight() <= 4, "-t 4: " + wide.mostInFlight());
    }

    @Test
    void theNextCallGoesOutWhileAnAnswerIsChecked() {
        ScriptedRuntime runtime = new ScriptedRuntime().answer("a", "ok").answer("b", "ok");
        List<String> seenWhileCheckingA = Collections.synchronizedList(new ArrayList<>());
        ResponseCheck waitsForB = (test, answer) -> {
            try {
                if (test.name().equals("a") && runtime.called("b", Duration.ofSeconds(10))) seenWhileCheckingA.add("b");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScriptedRuntime.CHECK.failure(test, answer);
        };
        List<TestResult> results = run(waitsForB, runtime, jobs(settings(1, 0), List.of(), "a", "b"), settings(1, 0));
        assertEquals(List.of("b"), seenWhileCheckingA, "-t 1: b's call went out while a's answer was checked");
        assertEquals(1, runtime.mostInFlight(), "and never two calls at once");
        assertTrue(results.stream().allMatch(TestResult::passed), results.toString());
    }

    @Test
    void callsGoOutInSpecOrderWhicheverRequestIsReadyFirst() {
        ScriptedRuntime runtime =
                new ScriptedRuntime().answer("a", "ok").answer("b", "ok").answer("c", "ok").slowToSend("a");
        run(runtime, jobs(settings(1, 0), List.of(), "a", "b", "c"), settings(1, 0));
        assertEquals(List.of("a", "b", "c"), runtime.calls(), "-t 1: b's request was ready first, a still went first");
    }
}
