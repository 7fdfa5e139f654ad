package org.specrage.tensor.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.DMatrix;

class QRTest {

    @Test
    void factorsAreOrthonormalTriangularWithPositiveDiagonalAndReproduceA() {
        SplittableRandom rnd = new SplittableRandom(41);
        int[][] shapes = {{8, 3}, {13, 5}, {20, 6}, {6, 6}, {1024, 10}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1];
            DMatrix a = GradCheck.gaussian(m, k, rnd);
            QR.Result qr = QR.forward(a);
            assertEquals(m, qr.q().rows);
            assertEquals(k, qr.q().cols);
            DMatrix qtq = Dense.multiply(qr.q(), true, qr.q(), false);
            assertTrue(GradCheck.maxAbsDiff(qtq, GradCheck.identity(k)) <= 1e-13, m + "x" + k);
            assertTrue(GradCheck.maxAbsDiff(Dense.multiply(qr.q(), qr.r()), a) <= 1e-12 * GradCheck.maxAbs(a));
            for (int i = 0; i < k; i++) {
                assertTrue(qr.r().get(i, i) > 0);
                for (int j = 0; j < i; j++) assertEquals(0.0, qr.r().get(i, j));
            }
        }
    }

    @Test
    void knownSmallFactorisation() {
        // A = [[3, 1], [4, 2], [0, 2]]: q1 = (3, 4, 0)/5, r11 = 5, r12 = 11/5; a2 - r12 q1 = (-8, 6, 50)/25
        DMatrix a = new DMatrix(3, 2, new double[]{3, 1, 4, 2, 0, 2});
        QR.Result qr = QR.forward(a);
        double r22 = Math.sqrt(64 + 36 + 2500) / 25;
        assertEquals(5.0, qr.r().get(0, 0), 1e-14);
        assertEquals(2.2, qr.r().get(0, 1), 1e-14);
        assertEquals(r22, qr.r().get(1, 1), 1e-14);
        assertEquals(0.6, qr.q().get(0, 0), 1e-15);
        assertEquals(50 / 25.0 / r22, qr.q().get(2, 1), 1e-14);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        long seed = 50;
        for (int k = 3; k <= 6; k++) {
            for (int m : new int[]{k, 8, 13, 20}) {
                if (m < k) continue;
                SplittableRandom rnd = new SplittableRandom(seed++);
                DMatrix a = GradCheck.gaussian(m, k, rnd);
                QR.Result qr = QR.forward(a);
                DMatrix gq = GradCheck.gaussian(m, k, rnd);
                DMatrix gr = GradCheck.gaussian(k, k, rnd);
                DMatrix both = QR.backward(qr.q(), qr.r(), gq, gr);
                GradCheck.check(x -> {
                    QR.Result f = QR.forward(x[0]);
                    return GradCheck.inner(gq, f.q()) + GradCheck.inner(gr, f.r());
                }, new DMatrix[]{a}, new DMatrix[]{both}, seed, 4);
                // each output alone (null upstream gradient for the other)
                DMatrix onlyQ = QR.backward(qr.q(), qr.r(), gq, null);
                GradCheck.check(x -> GradCheck.inner(gq, QR.forward(x[0]).q()), new DMatrix[]{a}, new DMatrix[]{onlyQ}, seed, 2);
                DMatrix onlyR = QR.backward(qr.q(), qr.r(), null, gr);
                GradCheck.check(x -> GradCheck.inner(gr, QR.forward(x[0]).r()), new DMatrix[]{a}, new DMatrix[]{onlyR}, seed, 2);
            }
        }
    }

    @Test
    void badShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> QR.forward(new DMatrix(2, 3)));
        DMatrix a = new DMatrix(3, 2, new double[]{1, 0, 0, 1, Double.POSITIVE_INFINITY, 0});
        assertThrows(IllegalArgumentException.class, () -> QR.forward(a));
    }

    @Test
    void rankDeficientInputHasNoGradient() {
        DMatrix a = new DMatrix(3, 2, new double[]{1, 2, 1, 2, 1, 2});
        QR.Result qr = QR.forward(a);
        assertTrue(GradCheck.maxAbsDiff(Dense.multiply(qr.q(), qr.r()), a) <= 1e-14);
        SingularMatrixException e = assertThrows(SingularMatrixException.class,
                () -> QR.backward(qr.q(), qr.r(), null, GradCheck.identity(2)));
        assertTrue(e.getMessage().contains("R_11"), e.getMessage());
    }
}
