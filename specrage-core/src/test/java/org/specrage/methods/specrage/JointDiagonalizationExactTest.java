package org.specrage.methods.specrage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.eigen.DenseSymmetricEigen;
import org.specrage.eigen.EigenResult;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.OrthoMethod;
import org.specrage.methods.common.Orthonormalizer;
import org.specrage.metrics.Subspaces;
import org.specrage.optim.Adam;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * On one full batch, minimising the loss over Y = Z A(Z) (orthonormalised, Y^T Y = m I) must reach
 * the bottom-k eigenvectors of sum_v L(diag(a_v) W_v diag(a_v)) — the mean Laplacian for uniform
 * weights, the joint diagonaliser of the views — compared with the dense eigensolver by principal angles.
 */
class JointDiagonalizationExactTest {
    static final int M = 60, K = 3, V = 2;

    /** Three groups of 20 with dense strong links inside and sparse weak links across, different per view. */
    static FMatrix[] views(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        FMatrix[] w = new FMatrix[V];
        for (int v = 0; v < V; v++) {
            w[v] = new FMatrix(M, M);
            for (int i = 0; i < M; i++) {
                for (int j = 0; j < i; j++) {
                    boolean same = i / 20 == j / 20;
                    float value = same ? (r.nextDouble() < 0.6 ? (float) (0.3 + 0.7 * r.nextDouble()) : 0f)
                            : (r.nextDouble() < 0.1 ? (float) (0.2 * r.nextDouble()) : 0f);
                    w[v].set(i, j, value);
                    w[v].set(j, i, value);
                }
            }
        }
        return w;
    }

    static DMatrix weightedLaplacianSum(FMatrix[] w, FMatrix alpha) {
        DMatrix l = new DMatrix(M, M);
        for (int v = 0; v < w.length; v++) {
            for (int i = 0; i < M; i++) {
                for (int j = 0; j < M; j++) {
                    double wt = w[v].get(i, j) * (double) alpha.get(i, v) * alpha.get(j, v);
                    l.data[i * M + j] -= wt;
                    l.data[i * M + i] += wt;
                }
            }
        }
        return l;
    }

    /** Minimises the loss over a free m x k matrix Z with Y = Z A(Z) and returns Y. */
    static DMatrix minimise(FMatrix[] w, FMatrix alpha, AffinityNormalization form, long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        FMatrix init = new FMatrix(M, K);
        for (int i = 0; i < init.data.length; i++) init.data[i] = (float) (2 * r.nextDouble() - 1);
        Tensor z = Tensor.parameter(init);
        Adam adam = new Adam(java.util.List.of(z), 0.02);
        Orthonormalizer ortho = new Orthonormalizer(OrthoMethod.CHOLESKY);
        Tape tape = new Tape();
        for (int step = 0; step < 3000; step++) {
            if (step == 2000) adam.setLearningRate(0.002);
            tape.reset();
            Tensor zt = tape.watch(z);
            Tensor y = zt.matmul(ortho.onTape(tape, zt));
            tape.backward(JointDiagonalizationLoss.of(tape, y, tape.input(alpha), w, form));
            adam.step();
            adam.zeroGrad();
        }
        tape.reset();
        Tensor zt = tape.watch(z);
        return zt.matmul(ortho.onTape(tape, zt)).value().toDouble();
    }

    /** sum_v (I - D~_v^-1/2 W~_v D~_v^-1/2) with W~_v = diag(a_v) W_v diag(a_v). */
    static DMatrix normalizedLaplacianSum(FMatrix[] w, FMatrix alpha) {
        DMatrix l = new DMatrix(M, M);
        for (int v = 0; v < w.length; v++) {
            double[] d = new double[M];
            for (int i = 0; i < M; i++) for (int j = 0; j < M; j++) d[i] += w[v].get(i, j) * (double) alpha.get(i, v) * alpha.get(j, v);
            for (int i = 0; i < M; i++) {
                l.data[i * M + i] += 1;
                for (int j = 0; j < M; j++) l.data[i * M + j] -= w[v].get(i, j) * (double) alpha.get(i, v) * alpha.get(j, v) / Math.sqrt(d[i] * d[j]);
            }
        }
        return l;
    }

    /** sum_v A_v (I - N_v) A_v with A_v = diag(a_v), for normalised adjacencies N_v. */
    static DMatrix weightedNormalizedLaplacianSum(FMatrix[] n, FMatrix alpha) {
        DMatrix l = new DMatrix(M, M);
        for (int v = 0; v < n.length; v++) {
            for (int i = 0; i < M; i++) {
                double ai = alpha.get(i, v);
                l.data[i * M + i] += ai * ai;
                for (int j = 0; j < M; j++) l.data[i * M + j] -= ai * n[v].get(i, j) * alpha.get(j, v);
            }
        }
        return l;
    }

    private static void check(FMatrix alpha, long seed) throws Exception {
        check(alpha, AffinityNormalization.NONE, seed);
    }

    private static void check(FMatrix alpha, AffinityNormalization form, long seed) throws Exception {
        FMatrix[] w = views(seed);
        for (FMatrix view : w) form.apply(view.data, M, new double[M]);
        DMatrix operator = switch (form) {
            case SYMMETRIC -> normalizedLaplacianSum(w, alpha);
            case SYMMETRIC_FIXED_DEGREES -> weightedNormalizedLaplacianSum(w, alpha);
            default -> weightedLaplacianSum(w, alpha);
        };
        EigenResult exact = DenseSymmetricEigen.smallest(operator, K + 1);
        double[] lambda = exact.values();
        assertTrue(lambda[K] - lambda[K - 1] > 0.2 * lambda[K], "the test graph needs an eigengap: " + java.util.Arrays.toString(lambda));
        DMatrix bottom = new DMatrix(M, K);
        for (int i = 0; i < M; i++) for (int j = 0; j < K; j++) bottom.data[i * K + j] = exact.vectors().get(i, j);
        DMatrix y = minimise(w, alpha, form, seed + 1);
        double sine = Subspaces.largestAngleSine(y, bottom);
        assertTrue(sine < 1e-5, "largest principal angle sine " + sine);
        // and Y^T Y = m I
        for (int a = 0; a < K; a++) {
            for (int b = 0; b < K; b++) {
                double dot = 0;
                for (int i = 0; i < M; i++) dot += y.get(i, a) * y.get(i, b);
                assertTrue(Math.abs(dot - (a == b ? M : 0)) < 1e-3 * M, "Y^T Y entry " + a + "," + b + " = " + dot);
            }
        }
    }

    @Test
    void uniformWeightsGiveTheBottomEigenvectorsOfTheMeanLaplacian() throws Exception {
        FMatrix alpha = new FMatrix(M, V);
        java.util.Arrays.fill(alpha.data, 0.5f);
        check(alpha, 11);
    }

    /** Per-sample weights a and 1 - a with a uniform in [0.2, 0.8]. */
    static FMatrix randomTwoViewWeights(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        FMatrix alpha = new FMatrix(M, V);
        for (int i = 0; i < M; i++) {
            float a = (float) (0.2 + 0.6 * r.nextDouble());
            alpha.set(i, 0, a);
            alpha.set(i, 1, 1 - a);
        }
        return alpha;
    }

    @Test
    void fixedPerSampleWeightsGiveTheBottomEigenvectorsOfTheWeightedLaplacians() throws Exception {
        check(randomTwoViewWeights(7), 23);
    }

    @Test
    void normalizedFormsGiveTheBottomEigenvectorsOfTheirWeightedNormalizedLaplacians() throws Exception {
        for (AffinityNormalization form : new AffinityNormalization[] {AffinityNormalization.SYMMETRIC, AffinityNormalization.SYMMETRIC_FIXED_DEGREES}) {
            FMatrix uniform = new FMatrix(M, V);
            java.util.Arrays.fill(uniform.data, 0.5f);
            check(uniform, form, 31);
            check(randomTwoViewWeights(8), form, 37);
        }
    }
}
