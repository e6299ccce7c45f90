package conform.runtime;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * When the parts of a streamed answer (lines over v1, chunks over v2) arrived: the time to the first one, and, for a
 * stream that stopped sending, how many came and how long ago the last did.
 */
final class Arrivals {

    private final long startNanos;
    private final String unit;
    private int count;
    private long firstNanos;
    private long lastNanos;

    /** @param unit what arrives, singular: "line", "chunk" */
    Arrivals(long startNanos, String unit) {
        this.startNanos = startNanos;
        this.unit = unit;
    }

    synchronized void arrived() {
        long now = System.nanoTime();
        if (count++ == 0) firstNanos = now;
        lastNanos = now;
    }

    /** Milliseconds from the request to the first part, or null when nothing came. */
    synchronized Long firstMs() {
        return count == 0 ? null : TimeUnit.NANOSECONDS.toMillis(firstNanos - startNanos);
    }

    synchronized String describe() {
        if (count == 0) return "nothing was streamed";
        long sinceLast = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastNanos);
        return count + " " + unit + "(s) streamed, the last " + String.format(Locale.ROOT, "%.1fs", sinceLast / 1000.0)
                + " ago: the stream stalled";
    }
}
