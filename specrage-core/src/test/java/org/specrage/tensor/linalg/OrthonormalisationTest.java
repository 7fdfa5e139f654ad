package org.specrage.tensor.linalg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.DMatrix;
import org.specrage.tensor.linalg.TriangularSolve.Side;

/**
 * SpectralNet's orthonormalisation layer composed by hand from the ops: S = Y~^T Y~, L = chol(S),
 * Y = sqrt(m) Y~ L^-T, so that Y^T Y = m I.
 */
class OrthonormalisationTest {

    static DMatrix orthonormalise(DMatrix yTilde) {
        DMatrix l = Cholesky.forward(Dense.multiply(yTilde, true, yTilde, false));
        return Dense.scaleInPlace(TriangularSolve.forward(l, yTilde, Side.RIGHT, true), Math.sqrt(yTilde.rows));
    }

    /** Reverse pass through Y = sqrt(m) X, X = solve(X L^T = Y~), L = chol(S), S = Y~^T Y~. */
    static DMatrix orthonormaliseBackward(DMatrix yTilde, DMatrix dY) {
        double root = Math.sqrt(yTilde.rows);
        DMatrix l = Cholesky.forward(Dense.multiply(yTilde, true, yTilde, false));
        DMatrix x = TriangularSolve.forward(l, yTilde, Side.RIGHT, true);
        DMatrix dX = Dense.scaleInPlace(dY.copy(), root);
        TriangularSolve.Gradients viaSolve = TriangularSolve.backward(l, x, dX, Side.RIGHT, true);
        DMatrix dS = Cholesky.backward(l, viaSolve.dL());
        // S = Y~^T Y~ with dS symmetric: dY~ += Y~ (dS + dS^T) = 2 Y~ dS
        DMatrix viaGram = Dense.scaleInPlace(Dense.multiply(yTilde, dS), 2.0);
        return Dense.addInPlace(viaSolve.dB().copy(), viaGram);
    }

    @Test
    void outputHasGramMatrixMTimesIdentityAndMatchesScaledQ() {
        SplittableRandom rnd = new SplittableRandom(151);
        int[][] shapes = {{8, 3}, {20, 6}, {1024, 10}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1];
            DMatrix yTilde = GradCheck.gaussian(m, k, rnd);
            DMatrix y = orthonormalise(yTilde);
            DMatrix gram = Dense.multiply(y, true, y, false);
            DMatrix mI = GradCheck.scale(GradCheck.identity(k), m);
            assertTrue(GradCheck.maxAbsDiff(gram, mI) <= 1e-12 * m, m + "x" + k);
            // the same map through QR: Y~ = Q R with R = L^T, so sqrt(m) Y~ L^-T = sqrt(m) Q
            DMatrix q = GradCheck.scale(QR.forward(yTilde).q(), Math.sqrt(m));
            assertTrue(GradCheck.maxAbsDiff(q, y) <= 1e-12, m + "x" + k);
        }
    }

    @Test
    void composedGradientMatchesFiniteDifferences() {
        long seed = 160;
        for (int k = 3; k <= 6; k++) {
            for (int m : new int[]{8, 13, 20}) {
                SplittableRandom rnd = new SplittableRandom(seed++);
                DMatrix yTilde = GradCheck.gaussian(m, k, rnd);
                DMatrix g = GradCheck.gaussian(m, k, rnd);
                DMatrix dYTilde = orthonormaliseBackward(yTilde, g);
                GradCheck.check(x -> GradCheck.inner(g, orthonormalise(x[0])), new DMatrix[]{yTilde}, new DMatrix[]{dYTilde}, seed, 4);
                // and it agrees with the QR route: d(sqrt(m) Q)
                DMatrix viaQr = QR.backward(QR.forward(yTilde).q(), QR.forward(yTilde).r(),
                        GradCheck.scale(g.copy(), Math.sqrt(m)), null);
                assertTrue(GradCheck.maxAbsDiff(viaQr, dYTilde) <= 1e-10 * GradCheck.maxAbs(dYTilde));
            }
        }
    }
}
