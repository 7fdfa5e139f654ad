package org.specrage.methods.ssl;

import java.util.List;
import java.util.SplittableRandom;
import org.specrage.linalg.FMatrix;
import org.specrage.optim.Adam;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * Minimises a loss directly over the embedding (no network: Z is the parameter) or over a linear
 * map (Z = X W), full batch, with Adam and a learning rate decaying geometrically from
 * {@code learningRate} to {@code finalLearningRate}. Used by the closed-form experiments.
 */
public final class FreeEmbedding {
    private FreeEmbedding() {
    }

    /** Settings of one optimisation. */
    public record Options(int steps, double learningRate, double finalLearningRate, long seed) {
        public Options {
            if (steps < 1) throw new IllegalArgumentException("steps must be positive, got " + steps);
            LossTerms.requirePositive("learning rate", learningRate);
            LossTerms.requirePositive("final learning rate", finalLearningRate);
        }
    }

    /** The optimised matrix (Z, or W for the linear form), its final loss and the work done. */
    public record Result(FMatrix parameter, double loss, double gradientNorm, int steps, double seconds) {
    }

    /** Minimises loss(Z, g) over a free n x k matrix Z started from seeded N(0, 1) entries. */
    public static Result optimise(SslLoss loss, RelationBatch g, int k, Options options) {
        return run(loss, g, null, gaussian(g.size(), k, options.seed()), options);
    }

    /** Minimises loss(X W, g) over W (d x k) started from seeded N(0, 1/d) entries. */
    public static Result optimiseLinear(SslLoss loss, RelationBatch g, FMatrix x, int k, Options options) {
        if (x.rows != g.size()) throw new IllegalArgumentException("data has " + x.rows + " rows but the relation has " + g.size());
        FMatrix w = gaussian(x.cols, k, options.seed());
        float scale = (float) (1 / Math.sqrt(x.cols));
        for (int i = 0; i < w.data.length; i++) w.data[i] *= scale;
        return run(loss, g, x, w, options);
    }

    private static Result run(SslLoss loss, RelationBatch g, FMatrix x, FMatrix init, Options options) {
        long start = System.nanoTime();
        Tensor parameter = Tensor.parameter(init);
        Adam adam = new Adam(List.of(parameter), options.learningRate());
        Tape tape = new Tape();
        double decay = Math.pow(options.finalLearningRate() / options.learningRate(), 1.0 / Math.max(1, options.steps() - 1));
        double value = Double.NaN;
        double gradNorm = Double.NaN;
        for (int step = 0; step < options.steps(); step++) {
            tape.reset();
            Tensor p = tape.watch(parameter);
            Tensor z = x == null ? p : tape.input(x).matmul(p);
            Tensor l = loss.loss(tape, z, g);
            value = l.item();
            if (!Double.isFinite(value)) throw new IllegalStateException(loss.name() + " loss became " + value + " at step " + step);
            tape.backward(l);
            if (step == options.steps() - 1) gradNorm = norm(parameter.grad());
            adam.setLearningRate(options.learningRate() * Math.pow(decay, step));
            adam.step();
            adam.zeroGrad();
        }
        tape.reset();
        FMatrix out = new FMatrix(init.rows, init.cols, parameter.data().clone());
        return new Result(out, value, gradNorm, options.steps(), (System.nanoTime() - start) / 1e9);
    }

    static FMatrix gaussian(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FMatrix m = new FMatrix(rows, cols);
        for (int i = 0; i < m.data.length; i++) m.data[i] = (float) gaussian(random);
        return m;
    }

    static double gaussian(SplittableRandom random) {
        double u = random.nextDouble(), v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    private static double norm(float[] g) {
        double s = 0;
        for (float v : g) s += (double) v * v;
        return Math.sqrt(s);
    }
}
