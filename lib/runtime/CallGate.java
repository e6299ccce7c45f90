package conform.runtime;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds the model calls in flight (-t). A call enters just before its request leaves and leaves the moment the runtime
 * answers, on the thread that receives the answer: the next test's request, built while it waited, goes out while this
 * test's answer is still being checked, so checking answers costs no time between calls. A failed call leaves once its
 * caller knows whether the runtime died, so the next call never races a dying runtime.
 */
public interface CallGate {

    /** No bound: for callers that make one call at a time anyway. */
    CallGate UNBOUNDED = () -> () -> {};

    /** Waits for room for one more call. */
    Pass enter();

    /** One call's room; leaving it more than once is harmless, so every path of a call can leave it. */
    interface Pass {
        void leave();
    }

    /** At most {@code calls} calls in flight at once. */
    static CallGate bounded(int calls) {
        Semaphore permits = new Semaphore(calls);
        return () -> {
            permits.acquireUninterruptibly();
            AtomicBoolean left = new AtomicBoolean();
            return () -> {
                if (left.compareAndSet(false, true)) permits.release();
            };
        };
    }

    /** A gate over {@code gate} that keeps the pass it gives, for the caller to leave once the call is over. */
    static Tracked tracked(CallGate gate) {
        return new Tracked(gate);
    }

    /** See {@link #tracked}. */
    final class Tracked implements CallGate {
        private final CallGate gate;
        private volatile Pass pass;

        private Tracked(CallGate gate) {
            this.gate = gate;
        }

        @Override
        public Pass enter() {
            return pass = gate.enter();
        }

        /** Leaves the pass, if one was given and is still held. */
        public void leave() {
            Pass given = pass;
            if (given != null) given.leave();
        }
    }

    /** A gate already entered: the call goes out under {@code pass} (a retry that held its room through its backoff). */
    static CallGate holding(Pass pass) {
        return () -> pass;
    }
}
