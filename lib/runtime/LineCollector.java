package conform.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/** Receives a streamed runAction body line by line as it arrives, noting when the lines came. */
final class LineCollector implements Flow.Subscriber<String> {

    private final List<String> lines = new ArrayList<>();
    private final Arrivals arrivals;
    private volatile Flow.Subscription subscription;

    LineCollector(long startNanos) {
        this.arrivals = new Arrivals(startNanos, "line");
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (line.isBlank()) return;
        synchronized (lines) {
            lines.add(line);
        }
        arrivals.arrived();
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

    /** Whether any line came: the runtime answered. */
    boolean anyLine() {
        synchronized (lines) {
            return !lines.isEmpty();
        }
    }

    /** Milliseconds from the request to the first line, or null when nothing came. */
    Long firstLineMs() {
        return arrivals.firstMs();
    }

    String describeProgress() {
        return arrivals.describe();
    }
}
