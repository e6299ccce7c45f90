package conform.runner;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to end a run early (Ctrl-C, SIGTERM): no new run or test starts, retries stop, and what had no verdict
 * when it came is reported as interrupted. Waits that may take long (a retry's backoff) end when it comes.
 */
public final class Interruption {

    private final CountDownLatch requested = new CountDownLatch(1);
    private volatile String cause;

    /** @param cause what asked to stop, for the console: "Ctrl-C", "SIGTERM" */
    public void request(String cause) {
        this.cause = cause;
        requested.countDown();
    }

    public boolean requested() {
        return requested.getCount() == 0;
    }

    /** What asked to stop, or null. */
    public String cause() {
        return cause;
    }

    /** Sleeps for {@code wait}, or less when an interruption comes first; returns whether it came. */
    boolean sleep(Duration wait) {
        try {
            return requested.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
