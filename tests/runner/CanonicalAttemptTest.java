package conform.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import conform.runner.CanonicalAttempt.End;
import org.junit.jupiter.api.Test;

/**
 * How a CLI attempt's end is settled once its output is read to the end. The CLI that finds no runtime waits 40 s,
 * fails every test with "No runtimes found", prints its summary and exits, often before conform's watch loop has read
 * those lines; a loaded CI machine once made that run of a Go plugin a FAILED run of tests "without a verdict".
 */
class CanonicalAttemptTest {

    @Test
    void aCliThatExitedAfterFindingNoRuntimeIsARunWithoutARuntimeNotACompletedOne() {
        assertEquals(End.NO_RUNTIME, CanonicalAttempt.settled(End.EXITED, true, true));
        assertEquals(End.NO_RUNTIME, CanonicalAttempt.settled(End.EXITED, true, false));
        assertEquals(End.NO_RUNTIME, CanonicalAttempt.settled(End.COMPLETED, true, true));
    }

    @Test
    void anExitAfterTheSummaryIsACompletionAndWithoutItAnEarlyExit() {
        assertEquals(End.COMPLETED, CanonicalAttempt.settled(End.EXITED, false, true));
        assertEquals(End.EXITED, CanonicalAttempt.settled(End.EXITED, false, false));
        assertEquals(End.SUITE_TIMEOUT, CanonicalAttempt.settled(End.SUITE_TIMEOUT, false, false));
    }

    @Test
    void aStopAskedForStaysAStopWhateverTheCliPrinted() {
        assertEquals(End.INTERRUPTED, CanonicalAttempt.settled(End.INTERRUPTED, true, true));
    }
}
