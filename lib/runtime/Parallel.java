package conform.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

/** Runs one task per item on virtual threads, at most {@code concurrency} at once, and returns the results in order. */
public final class Parallel {

    private Parallel() {}

    /** @param what what a task does, for the message when one fails unexpectedly (a bug in conform) */
    public static <T, R> List<R> map(List<T> items, int concurrency, Function<T, R> task, String what) {
        return map(items, concurrency, (a, b) -> 0, task, what);
    }

    /**
     * As {@link #map(List, int, Function, String)}, the tasks starting in {@code startOrder} (ties in list order): the
     * results stay in list order.
     */
    public static <T, R> List<R> map(
            List<T> items, int concurrency, Comparator<? super T> startOrder, Function<T, R> task, String what) {
        List<Integer> order = IntStream.range(0, items.size())
                .boxed()
                .sorted(Comparator.comparing(items::get, startOrder))
                .toList();
        AtomicInteger next = new AtomicInteger();
        Object[] results = new Object[items.size()];
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < Math.min(concurrency, items.size()); w++)
                workers.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < order.size(); i = next.getAndIncrement())
                        results[order.get(i)] = task.apply(items.get(order.get(i)));
                }));
            for (Future<?> worker : workers) get(worker, what);
        }
        @SuppressWarnings("unchecked")
        List<R> inOrder = (List<R>) Arrays.asList(results);
        return inOrder;
    }

    private static void get(Future<?> f, String what) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed unexpectedly", e.getCause());
        }
    }
}
