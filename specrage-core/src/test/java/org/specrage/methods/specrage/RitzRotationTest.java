package org.specrage.methods.specrage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.eigen.DenseSymmetricEigen;
import org.specrage.eigen.EigenResult;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.BatchAffinity;
import org.specrage.metrics.Subspaces;

/**
 * Rayleigh-Ritz against the dense eigensolver: when the learned (k + p)-dimensional subspace holds
 * the bottom-k eigenvectors of the loss's Laplacian plus p other directions, the rotation must
 * pick exactly the bottom-k ones out.
 */
class RitzRotationTest {
    static final int N = 120, K = 3, P = 3, V = 2;

    @Test
    void picksTheBottomEigenvectorsOutOfALargerSubspace() {
        for (AffinityNormalization normalization : AffinityNormalization.values()) {
            SplittableRandom r = new SplittableRandom(3);
            FMatrix[] spaces = new FMatrix[V];
            for (int v = 0; v < V; v++) {
                spaces[v] = new FMatrix(N, 2);
                for (int i = 0; i < N; i++) {
                    double angle = 2 * Math.PI * (i % K) / K;
                    spaces[v].set(i, 0, (float) (3 * Math.cos(angle) + r.nextGaussian() * (0.5 + v)));
                    spaces[v].set(i, 1, (float) (3 * Math.sin(angle) + r.nextGaussian() * (0.5 + v)));
                }
            }
            SpecRageOptions options = SpecRageOptions.builder(K).neighbors(8, 4).batchSize(256).normalization(normalization).build();
            FMatrix weights = new FMatrix(N, V);
            for (int i = 0; i < N; i++) {
                float a = (float) (0.3 + 0.4 * r.nextDouble());
                weights.set(i, 0, a);
                weights.set(i, 1, 1 - a);
            }
            DMatrix laplacian = lossLaplacian(spaces, weights, options);
            EigenResult eig = DenseSymmetricEigen.decompose(laplacian);
            // the subspace: the bottom K eigenvectors and P eigenvectors from the middle of the spectrum, mixed by a random rotation
            DMatrix basis = new DMatrix(N, K + P);
            for (int i = 0; i < N; i++) {
                for (int c = 0; c < K; c++) basis.set(i, c, eig.vectors().get(i, c));
                for (int c = 0; c < P; c++) basis.set(i, K + c, eig.vectors().get(i, N / 2 + c));
            }
            DMatrix mix = DenseSymmetricEigen.decompose(randomSymmetric(K + P, r)).vectors();
            FMatrix embedding = new FMatrix(N, K + P);
            for (int i = 0; i < N; i++) {
                for (int c = 0; c < K + P; c++) {
                    double s = 0;
                    for (int t = 0; t < K + P; t++) s += basis.get(i, t) * mix.get(t, c);
                    embedding.set(i, c, (float) (Math.sqrt(N) * s));
                }
            }
            DMatrix rotation = RitzRotation.bottom(embedding, weights, java.util.Arrays.stream(spaces).map(ViewInput::dense).toArray(ViewInput[]::new), null,
                    new double[V], options, K, 5);
            DMatrix rotated = new DMatrix(N, K), bottom = new DMatrix(N, K);
            for (int i = 0; i < N; i++) {
                for (int c = 0; c < K; c++) {
                    double s = 0;
                    for (int t = 0; t < K + P; t++) s += embedding.get(i, t) * rotation.get(t, c);
                    rotated.set(i, c, s);
                    bottom.set(i, c, eig.vectors().get(i, c));
                }
            }
            double sine = Subspaces.largestAngleSine(rotated, bottom);
            assertTrue(sine < 1e-3, normalization + ": largest principal angle sine " + sine);
        }
    }

    /** sum_v of the loss's Laplacian of view v for the whole set as one batch (dense, test sizes only). */
    static DMatrix lossLaplacian(FMatrix[] spaces, FMatrix weights, SpecRageOptions options) {
        DMatrix l = new DMatrix(N, N);
        for (int v = 0; v < V; v++) {
            float[] w = new float[N * N];
            BatchAffinity affinity = options.batchAffinity(N, N, 0);
            affinity.compute(spaces[v].data, N, spaces[v].cols, w);
            options.normalization().apply(w, N, new double[N]);
            double[] s = new double[N];
            for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) s[i] += w[i * N + j] * (double) weights.get(j, v);
            for (int i = 0; i < N; i++) {
                double ai = weights.get(i, v);
                switch (options.normalization()) {
                    case SYMMETRIC -> {
                        // I - D~^-1/2 W~ D~^-1/2 with d~_i = a_i s_i
                        l.data[i * N + i] += 1;
                        for (int j = 0; j < N; j++) {
                            double aj = weights.get(j, v);
                            l.data[i * N + j] -= ai * w[i * N + j] * aj / Math.sqrt(ai * s[i] * aj * s[j]);
                        }
                    }
                    case SYMMETRIC_FIXED_DEGREES -> {
                        l.data[i * N + i] += ai * ai;
                        for (int j = 0; j < N; j++) l.data[i * N + j] -= ai * w[i * N + j] * weights.get(j, v);
                    }
                    default -> {
                        l.data[i * N + i] += ai * s[i];
                        for (int j = 0; j < N; j++) l.data[i * N + j] -= ai * w[i * N + j] * weights.get(j, v);
                    }
                }
            }
        }
        return l;
    }

    static DMatrix randomSymmetric(int n, SplittableRandom r) {
        DMatrix a = new DMatrix(n, n);
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) { double x = r.nextGaussian(); a.set(i, j, x); a.set(j, i, x); }
        return a;
    }
}
