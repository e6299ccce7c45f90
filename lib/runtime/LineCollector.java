package conform.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/** Receives a streamed runAction body line by line as it arrives, noting when the first and last lines came. */
final class LineCollector implements Flow.Subscriber<String> {

    private final long startNanos;
    private final List<String> lines = new ArrayList<>();
    private volatile Flow.Subscription subscription;
    private volatile long firstNanos;
    private volatile long lastNanos;

    LineCollector(long startNanos) {
        this.startNanos = startNanos;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (line.isBlank()) return;
        long now = System.nanoTime();
        synchronized (lines) {
            if (lines.isEmpty()) firstNanos = now;
            lines.add(line);
        }
        lastNanos = now;
    }

    @Override
    public void onError(Throwable t) {
        // The HTTP future reports the failure.
    }

    @Override
    public void onComplete() {
        // Completion is observed through the HTTP future.
    }

    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) s.cancel();
    }

    List<String> nonBlank() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Milliseconds from the request to the first line, or null when nothing came. */
    Long firstLineMs() {
        synchronized (lines) {
            return lines.isEmpty() ? null : TimeUnit.NANOSECONDS.toMillis(firstNanos - startNanos);
        }
    }

    String describeProgress() {
        int count;
        synchronized (lines) {
            count = lines.size();
        }
        if (count == 0) return "nothing was streamed";
        long sinceLast = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastNanos);
        return count + " line(s) streamed, the last " + String.format(Locale.ROOT, "%.1fs", sinceLast / 1000.0)
                + " ago: the stream stalled";
    }
}
