package conform.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The bound on calls in flight: a pass given back once however many paths leave it, and a retry's held room. */
class CallGateTest {

    /** Enters {@code gate} on another thread: done once the gate let it in. */
    private static CompletableFuture<CallGate.Pass> entering(CallGate gate) {
        CompletableFuture<CallGate.Pass> entered = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> entered.complete(gate.enter()));
        return entered;
    }

    /** With {@code held} in, a gate of one lets no other call in until {@code held} leaves. */
    private static void assertFullUntilLeft(CallGate gate, CallGate.Pass held) throws Exception {
        CompletableFuture<CallGate.Pass> next = entering(gate);
        assertThrows(TimeoutException.class, () -> next.get(200, TimeUnit.MILLISECONDS), "one call in flight at most");
        held.leave();
        next.get(10, TimeUnit.SECONDS).leave();
    }

    @Test
    void aFullGateWaitsUntilACallLeaves() throws Exception {
        CallGate gate = CallGate.bounded(1);
        assertFullUntilLeft(gate, gate.enter());
    }

    @Test
    void leavingTwiceGivesBackOneRoom() throws Exception {
        CallGate gate = CallGate.bounded(1);
        CallGate.Pass pass = gate.enter();
        pass.leave();
        pass.leave(); // the answer's thread and the caller's clean-up both leave: only one counts
        assertFullUntilLeft(gate, gate.enter());
    }

    @Test
    void aHeldPassIsTheRoomTheNextCallTakes() {
        CallGate gate = CallGate.bounded(1);
        CallGate.Pass held = gate.enter();
        assertSame(held, CallGate.holding(held).enter(), "a retry sends under the room it held through its backoff");
        held.leave();
        gate.enter().leave();
    }
}
