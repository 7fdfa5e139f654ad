package org.specrage.tensor.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.DMatrix;

class SymmetricEigenTest {

    /** Q diag(w) Q^T for a random orthogonal Q. */
    static DMatrix withSpectrum(double[] w, SplittableRandom rnd) {
        int k = w.length;
        DMatrix q = QR.forward(GradCheck.gaussian(k, k, rnd)).q();
        DMatrix qw = q.copy();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) qw.data[i * k + j] *= w[j];
        }
        return Dense.symmetricPart(Dense.multiply(qw, false, q, true));
    }

    static void assertValidDecomposition(DMatrix a, SymmetricEigen.Result r) {
        int k = a.rows;
        DMatrix v = r.vectors();
        double[] w = r.values();
        assertTrue(GradCheck.maxAbsDiff(Dense.multiply(v, true, v, false), GradCheck.identity(k)) <= 1e-13);
        DMatrix av = Dense.multiply(a, v);
        DMatrix vw = v.copy();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) vw.data[i * k + j] *= w[j];
        }
        assertTrue(GradCheck.maxAbsDiff(av, vw) <= 1e-13 * Math.max(1, GradCheck.maxAbs(a)));
        for (int j = 1; j < k; j++) assertTrue(w[j - 1] <= w[j], "ascending");
        for (int j = 0; j < k; j++) assertTrue(v.get(signEntry(v, j), j) > 0, "largest entry of vector " + j + " is positive");
    }

    /** The documented sign entry: the first whose magnitude is within a relative 1e-10 of the largest. */
    static int signEntry(DMatrix v, int j) {
        double largest = 0;
        for (int i = 0; i < v.rows; i++) largest = Math.max(largest, Math.abs(v.get(i, j)));
        for (int i = 0; i < v.rows; i++) if (Math.abs(v.get(i, j)) >= (1 - 1e-10) * largest) return i;
        throw new AssertionError("unreachable");
    }

    @Test
    void tridiagonalToeplitzHasClosedFormSpectrum() {
        int k = 6;
        DMatrix a = new DMatrix(k, k);
        for (int i = 0; i < k; i++) {
            a.set(i, i, 2);
            if (i > 0) {
                a.set(i, i - 1, -1);
                a.set(i - 1, i, -1);
            }
        }
        SymmetricEigen.Result r = SymmetricEigen.forward(a);
        assertValidDecomposition(a, r);
        for (int j = 0; j < k; j++) {
            double theta = (j + 1) * Math.PI / (k + 1);
            assertEquals(2 - 2 * Math.cos(theta), r.values()[j], 1e-14);
            // eigenvector sin(i theta), normalised, with its largest entry positive
            double norm = Math.sqrt((k + 1) / 2.0);
            double sign = 0;
            double best = -1;
            for (int i = 0; i < k; i++) {
                double s = Math.sin((i + 1) * theta);
                if (Math.abs(s) > best + 1e-12) {
                    best = Math.abs(s);
                    sign = Math.signum(s);
                }
            }
            for (int i = 0; i < k; i++) {
                assertEquals(sign * Math.sin((i + 1) * theta) / norm, r.vectors().get(i, j), 1e-13, "vector " + j);
            }
        }
    }

    @Test
    void randomSymmetricDecompositionIsValid() {
        SplittableRandom rnd = new SplittableRandom(81);
        for (int k = 1; k <= 10; k++) {
            DMatrix a = Dense.symmetricPart(GradCheck.gaussian(k, k, rnd));
            assertValidDecomposition(a, SymmetricEigen.forward(a));
        }
    }

    @Test
    void gradientMatchesFiniteDifferencesForSeparatedEigenvalues() {
        for (int k = 3; k <= 6; k++) {
            SplittableRandom rnd = new SplittableRandom(90 + k);
            double[] spectrum = new double[k];
            for (int i = 0; i < k; i++) spectrum[i] = -2 + 1.5 * i + 0.3 * rnd.nextDouble();
            DMatrix a = withSpectrum(spectrum, rnd);
            SymmetricEigen.Result r = SymmetricEigen.forward(a);
            double[] gw = GradCheck.gaussianVector(k, rnd);
            DMatrix gv = GradCheck.gaussian(k, k, rnd);
            DMatrix dA = SymmetricEigen.backward(r, gw, gv);
            GradCheck.check(x -> {
                SymmetricEigen.Result f = SymmetricEigen.forward(x[0]);
                return GradCheck.inner(gw, f.values()) + GradCheck.inner(gv, f.vectors());
            }, new DMatrix[]{a}, new DMatrix[]{dA}, k, 5);
        }
    }

    @Test
    void spectralFunctionGradientIsFiniteAndExactWithDegenerateEigenvalues() {
        // loss = sum_i sin(w_i) = trace(sin(A)); its gradient is V diag(cos w) V^T even when w repeats
        double[][] spectra = {{1, 3, 3, 6, 8}, {-1, 2, 2, 2, 5}, {1, 3, 3 + 1e-7, 6, 8}};
        long seed = 100;
        for (double[] spectrum : spectra) {
            SplittableRandom rnd = new SplittableRandom(seed++);
            DMatrix a = withSpectrum(spectrum, rnd);
            SymmetricEigen.Result r = SymmetricEigen.forward(a);
            int k = spectrum.length;
            double[] dw = new double[k];
            for (int i = 0; i < k; i++) dw[i] = Math.cos(r.values()[i]);
            DMatrix dA = SymmetricEigen.backward(r, dw, null);
            DMatrix expected = withSpectrumOf(r.vectors(), dw);
            assertTrue(GradCheck.maxAbsDiff(dA, expected) <= 1e-14);
            GradCheck.check(x -> {
                double s = 0;
                for (double w : SymmetricEigen.forward(x[0]).values()) s += Math.sin(w);
                return s;
            }, new DMatrix[]{a}, new DMatrix[]{dA}, seed, 4);
        }
    }

    @Test
    void projectorOntoWholeDegenerateBlockHasCorrectGradient() {
        // loss = <C, V_S V_S^T>, S = eigenvectors 1 and 2 (a degenerate pair) or 0..2; invariant to the
        // basis inside the pair, so differentiable; the eigenvector gradient is dV_S = 2 C V_S.
        double[][] spectra = {{1, 3, 3, 6, 8}, {1, 3, 3 + 1e-7, 6, 8}, {1, 3, 3 + 1e-12, 6, 8}};
        int[][] blocks = {{1, 2}, {0, 1, 2}};
        long seed = 110;
        for (double[] spectrum : spectra) {
            for (int[] block : blocks) {
                SplittableRandom rnd = new SplittableRandom(seed++);
                int k = spectrum.length;
                DMatrix a = withSpectrum(spectrum, rnd);
                DMatrix c = Dense.symmetricPart(GradCheck.gaussian(k, k, rnd));
                SymmetricEigen.Result r = SymmetricEigen.forward(a);
                DMatrix cv = Dense.multiply(c, r.vectors());
                DMatrix dV = new DMatrix(k, k);
                for (int i = 0; i < k; i++) {
                    for (int j : block) dV.set(i, j, 2 * cv.get(i, j));
                }
                DMatrix dA = SymmetricEigen.backward(r, null, dV);
                GradCheck.check(x -> projectorLoss(c, SymmetricEigen.forward(x[0]).vectors(), block),
                        new DMatrix[]{a}, new DMatrix[]{dA}, seed, 4);
            }
        }
    }

    private static double projectorLoss(DMatrix c, DMatrix v, int[] block) {
        double s = 0;
        for (int j : block) {
            for (int p = 0; p < v.rows; p++) {
                for (int q = 0; q < v.rows; q++) s += c.get(p, q) * v.get(p, j) * v.get(q, j);
            }
        }
        return s;
    }

    private static DMatrix withSpectrumOf(DMatrix v, double[] d) {
        int k = d.length;
        DMatrix vd = v.copy();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) vd.data[i * k + j] *= d[j];
        }
        return Dense.multiply(vd, false, v, true);
    }

    @Test
    void readsTheSymmetricPart() {
        DMatrix a = new DMatrix(2, 2, new double[]{2, 3, -1, 2});
        SymmetricEigen.Result r = SymmetricEigen.forward(a);
        assertEquals(1.0, r.values()[0], 1e-15);
        assertEquals(3.0, r.values()[1], 1e-15);
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.forward(new DMatrix(2, 3)));
        assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.forward(new DMatrix(1, 1, new double[]{Double.NaN})));
    }
}
