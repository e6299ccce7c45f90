package conform.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/** Runs one task per item on virtual threads, at most {@code concurrency} at once, and returns the results in order. */
public final class Parallel {

    private Parallel() {}

    /** @param what what a task does, for the message when one fails unexpectedly (a bug in conform) */
    public static <T, R> List<R> map(List<T> items, int concurrency, Function<T, R> task, String what) {
        Semaphore slots = new Semaphore(concurrency);
        List<Future<R>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                futures.add(threads.submit(() -> {
                    slots.acquireUninterruptibly();
                    try {
                        return task.apply(item);
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) results.add(get(f, what));
            return results;
        }
    }

    private static <R> R get(Future<R> f, String what) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed unexpectedly", e.getCause());
        }
    }
}
