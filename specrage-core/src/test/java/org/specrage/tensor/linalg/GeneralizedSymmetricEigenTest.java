package org.specrage.tensor.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.DMatrix;

class GeneralizedSymmetricEigenTest {

    @Test
    void matchesScipyOnSmallExample() {
        // golden values from scipy.linalg.eigh(A, B), each vector signed so its largest entry is positive
        DMatrix a = new DMatrix(3, 3, new double[]{2, 1, 0, 1, 3, 1, 0, 1, 4});
        DMatrix b = new DMatrix(3, 3, new double[]{4, 1, 0, 1, 3, 0.5, 0, 0.5, 2});
        GeneralizedSymmetricEigen.Result r = GeneralizedSymmetricEigen.forward(a, b);
        double[] w = {0.4478862103996196, 0.956875694362285, 2.0};
        double[][] c = {
                {0.5230861444777758, -0.19749552928877026, 0.04937388232219258},
                {0.01379888636446258, 0.5847631117498173, -0.14619077793745439},
                {0, 0, Math.sqrt(0.5)}};
        for (int j = 0; j < 3; j++) {
            assertEquals(w[j], r.values()[j], 1e-14);
            for (int i = 0; i < 3; i++) assertEquals(c[j][i], r.vectors().get(i, j), 1e-14);
        }
    }

    @Test
    void randomProblemSatisfiesDefiningIdentities() {
        SplittableRandom rnd = new SplittableRandom(121);
        for (int k = 1; k <= 10; k++) {
            DMatrix a = Dense.symmetricPart(GradCheck.gaussian(k, k, rnd));
            DMatrix b = GradCheck.spd(k, rnd);
            GeneralizedSymmetricEigen.Result r = GeneralizedSymmetricEigen.forward(a, b);
            DMatrix c = r.vectors();
            DMatrix ctbc = Dense.multiply(Dense.multiply(c, true, b, false), c);
            assertTrue(GradCheck.maxAbsDiff(ctbc, GradCheck.identity(k)) <= 1e-13, "C^T B C = I, k=" + k);
            DMatrix ac = Dense.multiply(a, c);
            DMatrix bcw = Dense.multiply(b, c);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) bcw.data[i * k + j] *= r.values()[j];
            }
            assertTrue(GradCheck.maxAbsDiff(ac, bcw) <= 1e-13 * GradCheck.maxAbs(b), "A C = B C diag(w), k=" + k);
            for (int j = 1; j < k; j++) assertTrue(r.values()[j - 1] <= r.values()[j]);
        }
    }

    @Test
    void identityBReducesToSymmetricEigen() {
        DMatrix a = Dense.symmetricPart(GradCheck.gaussian(5, 5, new SplittableRandom(122)));
        GeneralizedSymmetricEigen.Result g = GeneralizedSymmetricEigen.forward(a, GradCheck.identity(5));
        SymmetricEigen.Result s = SymmetricEigen.forward(a);
        for (int j = 0; j < 5; j++) assertEquals(s.values()[j], g.values()[j], 1e-14);
        assertTrue(GradCheck.maxAbsDiff(s.vectors(), g.vectors()) <= 1e-13);
    }

    @Test
    void gradientsForAAndBMatchFiniteDifferences() {
        for (int k = 3; k <= 6; k++) {
            SplittableRandom rnd = new SplittableRandom(130 + k);
            double[] spectrum = new double[k];
            for (int i = 0; i < k; i++) spectrum[i] = -2 + 1.5 * i + 0.3 * rnd.nextDouble();
            DMatrix a = SymmetricEigenTest.withSpectrum(spectrum, rnd);
            DMatrix b = GradCheck.spd(k, rnd);
            GradCheck.scale(b, 1.0 / k);
            GeneralizedSymmetricEigen.Result r = GeneralizedSymmetricEigen.forward(a, b);
            double[] gw = GradCheck.gaussianVector(k, rnd);
            DMatrix gc = GradCheck.gaussian(k, k, rnd);
            GeneralizedSymmetricEigen.Gradients grads = GeneralizedSymmetricEigen.backward(a, b, r, gw, gc);
            GradCheck.check(x -> {
                GeneralizedSymmetricEigen.Result f = GeneralizedSymmetricEigen.forward(x[0], x[1]);
                return GradCheck.inner(gw, f.values()) + GradCheck.inner(gc, f.vectors());
            }, new DMatrix[]{a, b}, new DMatrix[]{grads.dA(), grads.dB()}, k, 5);
        }
    }

    @Test
    void eigenvalueGradientHasClosedForm() {
        // d lambda_j = c_j^T (dA - lambda_j dB) c_j for B-normalised c_j
        SplittableRandom rnd = new SplittableRandom(140);
        int k = 4;
        DMatrix a = Dense.symmetricPart(GradCheck.gaussian(k, k, rnd));
        DMatrix b = GradCheck.spd(k, rnd);
        GeneralizedSymmetricEigen.Result r = GeneralizedSymmetricEigen.forward(a, b);
        int j = 2;
        double[] dw = new double[k];
        dw[j] = 1;
        GeneralizedSymmetricEigen.Gradients grads = GeneralizedSymmetricEigen.backward(a, b, r, dw, null);
        for (int p = 0; p < k; p++) {
            for (int q = 0; q < k; q++) {
                double cc = r.vectors().get(p, j) * r.vectors().get(q, j);
                assertEquals(cc, grads.dA().get(p, q), 1e-13);
                assertEquals(-r.values()[j] * cc, grads.dB().get(p, q), 1e-13);
            }
        }
    }

    @Test
    void rankDeficientBIsReported() {
        DMatrix a = GradCheck.identity(3);
        DMatrix singular = new DMatrix(3, 3, new double[]{1, 1, 0, 1, 1, 0, 0, 0, 1});
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class,
                () -> GeneralizedSymmetricEigen.forward(a, singular));
        assertEquals(1, e.pivotIndex());
        assertTrue(e.getMessage().contains("B must be symmetric positive definite"), e.getMessage());

        // Gram matrix of nearly parallel columns: positive pivots, but rank-deficient to 1e-12
        DMatrix y = new DMatrix(3, 3, new double[]{1, 1, 0, 0, 1e-7, 0, 0, 0, 1});
        DMatrix nearlySingular = Dense.multiply(y, true, y, false);
        Cholesky.forward(nearlySingular);
        e = assertThrows(NotPositiveDefiniteException.class, () -> GeneralizedSymmetricEigen.forward(a, nearlySingular));
        assertEquals(1, e.pivotIndex());
        assertTrue(e.getMessage().contains("rank-deficient"), e.getMessage());

        DMatrix indefinite = new DMatrix(2, 2, new double[]{1, 0, 0, -1});
        assertThrows(NotPositiveDefiniteException.class, () -> GeneralizedSymmetricEigen.forward(GradCheck.identity(2), indefinite));
    }
}
