package org.specrage.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The library's own parallel loops (BLAS threads are set separately, by OPENBLAS_NUM_THREADS).
 * Work is cut into a fixed set of chunks that does not depend on scheduling, so results that
 * combine chunk outputs in chunk order are reproducible for a given thread count.
 */
public final class Parallel {
    private static volatile int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static ExecutorService pool;

    private Parallel() {
    }

    public static int threads() {
        return threads;
    }

    /** Sets the number of threads of the library's own loops (at least 1). */
    public static synchronized void setThreads(int count) {
        if (count < 1) throw new IllegalArgumentException("thread count must be at least 1, got " + count);
        if (count != threads && pool != null) {
            pool.shutdown();
            pool = null;
        }
        threads = count;
    }

    private static synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "specrage-worker");
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    /** Runs body(i) for i in [0, count), spread over the configured threads; returns when all are done. */
    public static void forEach(int count, IntConsumer body) {
        if (count <= 0) return;
        int t = threads;
        if (t == 1 || count == 1) {
            for (int i = 0; i < count; i++) body.accept(i);
            return;
        }
        ExecutorService executor = pool();
        List<Future<?>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            final int index = i;
            futures.add(executor.submit(() -> body.accept(index)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) throw re;
                if (cause instanceof Error err) throw err;
                throw new IllegalStateException(cause);
            }
        }
    }

    /** A loop body over the index range [from, to). */
    public interface Range {
        void run(int from, int to);
    }

    /**
     * Runs body over [0, n): on the calling thread when n is at most {@code grain} or one thread is
     * configured, else in up to 4 chunks per thread of at least {@code grain} elements each. Only
     * for bodies whose results do not depend on where the range is cut (element-wise work).
     */
    public static void forRange(int n, int grain, Range body) {
        int t = threads;
        if (t == 1 || n <= grain) {
            body.run(0, n);
            return;
        }
        int chunks = Math.min(4 * t, (n + grain - 1) / grain);
        int step = (n + chunks - 1) / chunks;
        forEach(chunks, c -> body.run(c * step, Math.min(n, (c + 1) * step)));
    }
}
