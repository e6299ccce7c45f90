package conform.runner;

import static org.junit.jupiter.api.Assertions.*;

import conform.config.KnownFailure;
import conform.config.TestId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A result in a recorded slot is xfail only when it is the recorded failure; anything else keeps its status. */
class KnownFailuresTest {

    private static final TestId ID = new TestId("p", "go", "p/m", "Structured Output Conformance");

    private static KnownFailure record(String test, String error, Set<String> statuses, String reason) {
        return new KnownFailure("p", "go", "*", test, error, statuses, false, reason);
    }

    private static TestResult result(TestStatus status, String error) {
        return new TestResult(ID, status, 1, false, error, 5L, null);
    }

    @Test
    void theRecordedFailureIsAnExpectedFailure() {
        var known = new KnownFailures(List.of(record("Structured*", "no JSON*", Set.of("failed"), "bug 1")));
        TestResult r = known.judge(result(TestStatus.FAILED, "no JSON in the answer"));
        assertEquals(TestStatus.XFAIL, r.status());
        assertEquals("no JSON in the answer (known failure: bug 1)", r.error());
    }

    @Test
    void anotherFailureInTheSlotKeepsItsStatusAndNamesTheRecord() {
        var known = new KnownFailures(List.of(record("Structured*", "no JSON*", Set.of("failed"), "bug 1")));
        TestResult connection = known.judge(result(TestStatus.ERROR, "connection refused"));
        assertEquals(TestStatus.ERROR, connection.status(), "57 connection errors are errors, not a known bug");
        assertEquals(
                "connection refused (not the known failure recorded for this test, which expects failed with an error"
                        + " matching `no JSON*`: bug 1)",
                connection.error());
        assertFalse(connection.status().acceptable());
        assertEquals(
                TestStatus.FAILED,
                known.judge(result(TestStatus.FAILED, "wrong word")).status());
    }

    @Test
    void twoRecordsInOneSlotEachExpectTheirOwnFailure() {
        var known = new KnownFailures(List.of(
                record("*", "maxTokens not set", Set.of("error"), "bug 1"),
                record("Structured*", "no constrained output*", Set.of("error"), "bug 2")));
        assertEquals(
                "no constrained output here (known failure: bug 2)",
                known.judge(result(TestStatus.ERROR, "no constrained output here"))
                        .error());
        assertEquals(
                "maxTokens not set (known failure: bug 1)",
                known.judge(result(TestStatus.ERROR, "maxTokens not set")).error());
    }

    @Test
    void aPassInTheSlotIsStaleAndSkipsAndInterruptionsAreLeftAlone() {
        var known = new KnownFailures(List.of(record("Structured*", null, Set.of("failed"), "bug 1")));
        assertEquals(
                TestStatus.XPASS, known.judge(result(TestStatus.PASSED, null)).status());
        assertEquals(
                TestStatus.SKIPPED,
                known.judge(result(TestStatus.SKIPPED, "missing env")).status());
        assertEquals(
                TestStatus.INTERRUPTED,
                known.judge(result(TestStatus.INTERRUPTED, null)).status());
    }

    @Test
    void aFailureWithoutAMessageIsHeldToTheRecordsStatusesAlone() {
        var known =
                new KnownFailures(List.of(record("Structured*", "no constrained output*", Set.of("error"), "bug 2")));
        TestResult lost =
                known.judgeWithoutMessage(result(TestStatus.ERROR, "genkit dev:test-model printed no message"));
        assertEquals(TestStatus.XFAIL, lost.status());
        assertEquals(
                "genkit dev:test-model printed no message (known failure: bug 2; genkit dev:test-model printed no"
                        + " message for it, so only its status was checked)",
                lost.error());
        assertEquals(
                TestStatus.FAILED,
                known.judgeWithoutMessage(result(TestStatus.FAILED, "x")).status(),
                "a status the record does not list is not it");
    }
}
