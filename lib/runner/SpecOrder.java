package conform.runner;

import conform.runtime.CallGate;
import java.util.BitSet;

/**
 * Sends the tests' first calls in spec order, whichever worker has its request ready first: a test's call enters the
 * run's gate only once every earlier test's call has entered it, or that test ended without one. At -t 1 the calls go
 * out exactly in the spec's order, so a test that kills its runtime takes the same tests with it on every run.
 */
final class SpecOrder {

    private final CallGate gate;
    private final BitSet over = new BitSet();
    private int next;

    SpecOrder(CallGate gate) {
        this.gate = gate;
    }

    /** The gate the calls of job {@code index} enter through: its first waits for its turn; retries do not. */
    CallGate turnOf(int index) {
        return () -> {
            awaitTurn(index);
            try {
                return gate.enter();
            } finally {
                over(index);
            }
        };
    }

    /** Job {@code index}'s turn is over: its call entered, or it ended without one (stopped, or a failure before). */
    synchronized void over(int index) {
        over.set(index);
        while (over.get(next)) next++;
        notifyAll();
    }

    /** Waits until every earlier job's turn is over; each is bounded by its own call's timeout. */
    private synchronized void awaitTurn(int index) {
        while (next < index) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
