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

    @Test
    void aFullGateWaitsUntilACallLeaves() throws Exception {
        CallGate gate = CallGate.bounded(1);
        CallGate.Pass first = gate.enter();
        CompletableFuture<CallGate.Pass> second = entering(gate);
        assertThrows(TimeoutException.class, () -> second.get(200, TimeUnit.MILLISECONDS), "one call in flight at most");
        first.leave();
        second.get(10, TimeUnit.SECONDS).leave();
    }

    @Test
    void leavingTwiceGivesBackOneRoom() throws Exception {
        CallGate gate = CallGate.bounded(1);
        CallGate.Pass pass = gate.enter();
        pass.leave();
        pass.leave(); // the answer's thread and the caller's clean-up both leave: only one counts
        CallGate.Pass next = gate.enter();
        CompletableFuture<CallGate.Pass> third = entering(gate);
        assertThrows(TimeoutException.class, () -> third.get(200, TimeUnit.MILLISECONDS), "still one at most");
        next.leave();
        third.get(10, TimeUnit.SECONDS).leave();
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
