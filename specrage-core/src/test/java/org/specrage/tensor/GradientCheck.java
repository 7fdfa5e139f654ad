package org.specrage.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;

/**
 * Checks an op (or any graph) against an independent double-precision reference.
 *
 * <p>The engine runs in float32 as it does in training: forward output and the gradient of
 * {@code sum(output * R)} for a fixed random R (seeded into backward directly, so no other op is
 * involved). The reference is a plain double implementation of the same function written in the
 * test; its output is compared with the engine's forward, and its gradient is taken by central
 * differences in double (step 1e-6 relative), which is accurate to about 1e-9. What remains is the
 * engine's float32 rounding, so the tolerance is a float32 one: the largest gradient error must be
 * below {@code tolerance} (default 1e-5, about a hundred float32 epsilons) times the largest gradient entry of that input.
 */
public final class GradientCheck {
    private final FMatrix[] inputs;
    private boolean[] requiresGrad;
    private Function<Tensor[], Tensor> graph;
    private Function<DMatrix[], DMatrix> reference;
    private double tolerance = 1e-5;
    private double forwardTolerance = 1e-5;
    private long seed = 17;

    private GradientCheck(FMatrix[] inputs) {
        this.inputs = inputs;
        this.requiresGrad = new boolean[inputs.length];
        java.util.Arrays.fill(requiresGrad, true);
    }

    public static GradientCheck of(FMatrix... inputs) {
        return new GradientCheck(inputs);
    }

    /** The engine graph, given the inputs as tape tensors. */
    public GradientCheck graph(Function<Tensor[], Tensor> graph) {
        this.graph = graph;
        return this;
    }

    /** The same function in double. */
    public GradientCheck reference(Function<DMatrix[], DMatrix> reference) {
        this.reference = reference;
        return this;
    }

    /** Which inputs take part in differentiation (default: all). */
    public GradientCheck requiresGrad(boolean... flags) {
        this.requiresGrad = flags.clone();
        return this;
    }

    public GradientCheck tolerance(double tolerance) {
        this.tolerance = tolerance;
        return this;
    }

    /** Runs the check; throws AssertionError naming the first bad entry. Returns the worst relative gradient error. */
    public double run() {
        Tape tape = new Tape();
        Tensor[] leaves = new Tensor[inputs.length];
        Tensor[] onTape = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            leaves[i] = Tensor.leaf(inputs[i].copy(), requiresGrad[i]);
            onTape[i] = tape.watch(leaves[i]);
        }
        Tensor out = graph.apply(onTape);
        DMatrix[] x = new DMatrix[inputs.length];
        for (int i = 0; i < inputs.length; i++) x[i] = inputs[i].toDouble();
        DMatrix expected = reference.apply(x);
        assertEquals(expected.rows, out.rows, "output rows");
        assertEquals(expected.cols, out.cols, "output cols");
        double scale = 0;
        for (double v : expected.data) scale = Math.max(scale, Math.abs(v));
        for (int j = 0; j < expected.data.length; j++) {
            double err = Math.abs(out.data()[j] - expected.data[j]);
            if (!(err <= forwardTolerance * Math.max(scale, 1e-3))) {
                throw new AssertionError("forward entry " + j + ": engine " + out.data()[j] + ", reference " + expected.data[j]);
            }
        }

        SplittableRandom random = new SplittableRandom(seed);
        float[] seedGrad = new float[out.size()];
        double[] weights = new double[out.size()];
        for (int j = 0; j < seedGrad.length; j++) {
            seedGrad[j] = (float) (2 * random.nextDouble() - 1);
            weights[j] = seedGrad[j];
        }
        tape.backward(out, seedGrad);

        double worst = 0;
        for (int i = 0; i < inputs.length; i++) {
            if (!requiresGrad[i]) continue;
            float[] analytic = leaves[i].grad();
            double[] numeric = new double[analytic.length];
            double gradScale = 0;
            for (int j = 0; j < numeric.length; j++) {
                double original = x[i].data[j];
                double h = 1e-6 * Math.max(1.0, Math.abs(original));
                x[i].data[j] = original + h;
                double plus = dot(reference.apply(x), weights);
                x[i].data[j] = original - h;
                double minus = dot(reference.apply(x), weights);
                x[i].data[j] = original;
                numeric[j] = (plus - minus) / (2 * h);
                gradScale = Math.max(gradScale, Math.abs(numeric[j]));
            }
            double denominator = Math.max(gradScale, 1e-6);
            for (int j = 0; j < numeric.length; j++) {
                double rel = Math.abs(analytic[j] - numeric[j]) / denominator;
                worst = Math.max(worst, rel);
                if (!(rel <= tolerance)) {
                    throw new AssertionError("input " + i + " entry " + j + ": analytic " + analytic[j]
                            + ", numeric " + numeric[j] + " (error " + rel + " of the largest entry " + gradScale + ")");
                }
            }
        }
        if (Boolean.getBoolean("gradcheck.verbose")) {
            StackTraceElement caller = new Throwable().getStackTrace()[1];
            System.out.printf("gradcheck %s.%s: worst relative gradient error %.2e%n", caller.getClassName(), caller.getMethodName(), worst);
        }
        return worst;
    }

    private static double dot(DMatrix m, double[] w) {
        double s = 0;
        for (int j = 0; j < w.length; j++) s += m.data[j] * w[j];
        return s;
    }

    /** Uniform random float32 entries in [lo, hi). */
    public static FMatrix random(int rows, int cols, double lo, double hi, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FMatrix m = new FMatrix(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = (float) (lo + (hi - lo) * random.nextDouble());
        return m;
    }

    /** Like {@link #random} but with every |entry| at least {@code gap}, away from kinks at 0. */
    public static FMatrix randomAwayFromZero(int rows, int cols, double scale, double gap, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FMatrix m = new FMatrix(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            double v = gap + (scale - gap) * random.nextDouble();
            m.data[i] = (float) (random.nextBoolean() ? v : -v);
        }
        return m;
    }
}
