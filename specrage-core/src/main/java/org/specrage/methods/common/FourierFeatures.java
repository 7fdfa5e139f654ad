package org.specrage.methods.common;

import java.util.List;
import java.util.SplittableRandom;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.model.Manifest;
import org.specrage.model.ModelFormatException;

/**
 * Random Fourier features of the network input (Tancik et al., NeurIPS 2020): x -> [cos(2 pi B x),
 * sin(2 pi B x)] with a fixed Gaussian B (count x d, entries N(0, scale^2)). MLPs on raw
 * low-dimensional inputs learn smooth functions first and can stall at a smooth eigenvector of the
 * graph (e.g. an angular mode of two concentric circles) instead of a sharp one (their indicator);
 * on these features they represent sharp functions easily. Only the network input changes: the
 * affinities are still computed on the original inputs. B is stored with the model.
 */
public final class FourierFeatures {
    private final DMatrix b;

    private FourierFeatures(DMatrix b) {
        this.b = b;
    }

    /** count random frequencies for inputs of the given dimension, scale the standard deviation of B's entries. */
    public static FourierFeatures random(int inputDim, int count, double scale, long seed) {
        if (count < 1) throw new IllegalArgumentException("Fourier feature count must be at least 1, got " + count);
        if (!(scale > 0 && Double.isFinite(scale))) throw new IllegalArgumentException("Fourier feature scale must be positive, got " + scale);
        SplittableRandom random = new SplittableRandom(seed);
        DMatrix b = new DMatrix(count, inputDim);
        for (int i = 0; i < b.data.length; i++) {
            double u1 = 1.0 - random.nextDouble(), u2 = random.nextDouble();
            b.data[i] = scale * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }
        return new FourierFeatures(b);
    }

    public int inputDim() {
        return b.cols;
    }

    /** Columns of the features: 2 * count. */
    public int outputDim() {
        return 2 * b.rows;
    }

    /** The features of every row of x (n x 2 count): cosines first, then sines. */
    public FMatrix apply(FMatrix x) {
        if (x.cols != b.cols) throw new IllegalArgumentException("Fourier features expect " + b.cols + " columns, got " + x.cols);
        int n = x.rows, d = x.cols, count = b.rows;
        FMatrix out = new FMatrix(n, 2 * count);
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < count; f++) {
                double p = 0;
                for (int c = 0; c < d; c++) p += b.data[f * d + c] * x.data[i * d + c];
                p *= 2 * Math.PI;
                out.data[i * 2 * count + f] = (float) Math.cos(p);
                out.data[i * 2 * count + count + f] = (float) Math.sin(p);
            }
        }
        return out;
    }

    /** The frequency matrix B as JSON rows. */
    public List<double[]> toJson() {
        return Manifest.matrix(b);
    }

    /** Reads {@link #toJson()}; count and inputDim must match. */
    public static FourierFeatures fromJson(Manifest m, String key, int count, int inputDim) throws ModelFormatException {
        DMatrix b = ModelFiles.finiteMatrix(m, key, count, inputDim);
        return new FourierFeatures(b);
    }
}
