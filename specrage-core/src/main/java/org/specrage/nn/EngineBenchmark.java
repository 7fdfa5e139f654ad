package org.specrage.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.specrage.linalg.Blas;
import org.specrage.util.Parallel;

/**
 * Measures the engine against the BLAS it runs on, in one run: the sgemm "roofline" (best
 * GFLOP/s over a 1024^3 product and the products of the benchmark MLP's layers, forward and
 * both backward forms) and the time of one training step of that MLP; the fraction is the time
 * the step's products would take at roofline speed divided by the measured (median) step time.
 *
 * <p>BLAS threads are fixed when the native library loads, by the environment variable
 * OPENBLAS_NUM_THREADS (or OMP_NUM_THREADS); the engine's own loops use
 * {@link Parallel#setThreads}. For a 1-thread figure start the JVM with OPENBLAS_NUM_THREADS=1.
 */
public final class EngineBenchmark {
    private EngineBenchmark() {
    }

    /** What to measure. */
    public record Options(int[] sizes, int batch, int engineThreads, int warmupSteps, int measuredSteps,
                          double sgemmSeconds, long seed) {
        /** The benchmark: 784-1024-1024-512-10 at batch 1024. */
        public static Options defaults(int engineThreads) {
            return new Options(new int[] {784, 1024, 1024, 512, 10}, 1024, engineThreads, 5, 20, 0.3, 42);
        }
    }

    /**
     * The figures of one run (times in milliseconds). The fraction is roofline time over the median
     * step time, for the FLOP the step's matrix products really do ({@code productFlop}: no dX for
     * the input layer); the nominal 6 x params x batch ({@code nominalFlop}) is about 13%
     * more for the benchmark network and is reported beside it.
     */
    public record Result(String blas, String blasThreads, int engineThreads, String network, int batch,
                         double rooflineGflops, String rooflineShape, double productFlop, double nominalFlop,
                         double stepMillisMedian, double stepMillisBest) {
        /** Time of the step's products at roofline speed. */
        public double rooflineMillis() {
            return productFlop / (rooflineGflops * 1e6);
        }

        /** Roofline time of the products over the median step time. */
        public double fraction() {
            return rooflineMillis() / stepMillisMedian;
        }

        /** The same with the nominal 6 x params x batch FLOP. */
        public double nominalFraction() {
            return nominalFlop / (rooflineGflops * 1e6) / stepMillisMedian;
        }

        /** Human-readable lines, the last being {@code roofline-fraction=<number>}. */
        public String report() {
            return String.format(Locale.ROOT,
                    "blas: %s, threads %s%n"
                            + "engine threads: %d%n"
                            + "sgemm roofline: %.1f GFLOP/s (best at %s)%n"
                            + "mlp step %s, batch %d: median %.1f ms, best %.1f ms%n"
                            + "step products: %.2f GFLOP, %.1f ms at roofline (nominal 6 x params x batch: %.2f GFLOP, fraction %.3f)%n"
                            + "roofline-fraction=%.3f",
                    blas, blasThreads, engineThreads, rooflineGflops, rooflineShape, network, batch,
                    stepMillisMedian, stepMillisBest, productFlop / 1e9, rooflineMillis(), nominalFlop / 1e9,
                    nominalFraction(), fraction());
        }
    }

    public static Result run(Options options) {
        int previousThreads = Parallel.threads();
        Parallel.setThreads(options.engineThreads());
        try {
            Roofline roofline = roofline(options.sizes(), options.batch(), options.sgemmSeconds());
            MlpTrainingStep step = new MlpTrainingStep(options.sizes(), options.batch(), options.seed());
            double[] millis = timeSteps(step, options.warmupSteps(), options.measuredSteps());
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : 0.5 * (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]);
            return new Result(Blas.implementation(), blasThreads(), options.engineThreads(), Arrays.toString(options.sizes()),
                    options.batch(), roofline.gflops(), roofline.shape(), step.gemmFlop(), step.nominalFlop(), median, sorted[0]);
        } finally {
            Parallel.setThreads(previousThreads);
        }
    }

    /** The BLAS thread setting from the environment, or "default" (OpenBLAS then uses all cores). */
    public static String blasThreads() {
        String v = System.getenv("OPENBLAS_NUM_THREADS");
        if (v == null) v = System.getenv("OMP_NUM_THREADS");
        return v == null ? "default" : v;
    }

    /** Best sgemm rate over the given shapes. */
    public record Roofline(double gflops, String shape) {
    }

    /** An sgemm problem: op(A) m x k times op(B) k x n. */
    public record GemmShape(int m, int n, int k, boolean transA, boolean transB) {
        @Override
        public String toString() {
            return m + "x" + k + (transA ? "(T)" : "") + " * " + k + "x" + n + (transB ? "(T)" : "");
        }
    }

    /** 1024^3 plus, for each layer, the forward product and the two backward products. */
    public static List<GemmShape> representativeShapes(int[] sizes, int batch) {
        List<GemmShape> shapes = new ArrayList<>();
        shapes.add(new GemmShape(1024, 1024, 1024, false, false));
        for (int i = 0; i + 1 < sizes.length; i++) {
            int in = sizes[i], out = sizes[i + 1];
            shapes.add(new GemmShape(batch, out, in, false, false)); // Y = X W
            shapes.add(new GemmShape(in, out, batch, true, false));  // dW = X^T dY
            shapes.add(new GemmShape(batch, in, out, false, true));  // dX = dY W^T
        }
        return shapes;
    }

    public static Roofline roofline(int[] sizes, int batch, double secondsPerShape) {
        double best = 0;
        GemmShape bestShape = null;
        for (GemmShape s : representativeShapes(sizes, batch)) {
            double g = new Sgemm(s, 7).gflops(secondsPerShape);
            if (g > best) {
                best = g;
                bestShape = s;
            }
        }
        return new Roofline(best, String.valueOf(bestShape));
    }

    /** Times measured steps after warm-up; returns each step's milliseconds. */
    public static double[] timeSteps(MlpTrainingStep step, int warmup, int measured) {
        for (int i = 0; i < warmup; i++) step.run();
        double[] millis = new double[measured];
        for (int i = 0; i < measured; i++) {
            long t0 = System.nanoTime();
            step.run();
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        return millis;
    }

    /** One sgemm problem with its operands allocated once, for repeated timing. */
    public static final class Sgemm {
        private final GemmShape shape;
        private final float[] a;
        private final float[] b;
        private final float[] c;

        public Sgemm(GemmShape shape, long seed) {
            this.shape = shape;
            SplittableRandom random = new SplittableRandom(seed);
            a = new float[shape.m() * shape.k()];
            b = new float[shape.k() * shape.n()];
            c = new float[shape.m() * shape.n()];
            for (int i = 0; i < a.length; i++) a[i] = (float) random.nextDouble();
            for (int i = 0; i < b.length; i++) b[i] = (float) random.nextDouble();
        }

        public void run() {
            int lda = shape.transA() ? shape.m() : shape.k();
            int ldb = shape.transB() ? shape.k() : shape.n();
            Blas.sgemm(shape.transA(), shape.transB(), shape.m(), shape.n(), shape.k(), 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, shape.n());
        }

        public double flop() {
            return 2.0 * shape.m() * shape.n() * shape.k();
        }

        /** Best rate over repetitions during about the given time (after two warm-up calls). */
        public double gflops(double seconds) {
            run();
            run();
            long budget = (long) (seconds * 1e9), start = System.nanoTime();
            long best = Long.MAX_VALUE;
            int reps = 0;
            while (reps < 3 || System.nanoTime() - start < budget) {
                long t0 = System.nanoTime();
                run();
                best = Math.min(best, System.nanoTime() - t0);
                reps++;
            }
            return flop() / best;
        }
    }
}
