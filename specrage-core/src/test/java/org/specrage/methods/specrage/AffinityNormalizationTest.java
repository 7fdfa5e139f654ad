package org.specrage.methods.specrage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.FMatrix;

class AffinityNormalizationTest {
    @Test
    void rowNormalisationIsTheSymmetrisedRandomWalkMatrix() {
        int m = 6;
        FMatrix w = JointDiagonalizationLossTest.randomAffinity(m, new SplittableRandom(3));
        for (int j = 0; j < m; j++) { // row 5 has no affinity at all
            w.set(5, j, 0f);
            w.set(j, 5, 0f);
        }
        double[] d = new double[m];
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) d[i] += w.get(i, j);
        float[] expected = new float[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double p = d[i] > 0 ? w.get(i, j) / d[i] : 0, q = d[j] > 0 ? w.get(j, i) / d[j] : 0;
                expected[i * m + j] = (float) ((p + q) / 2);
            }
        }
        float[] out = w.data.clone();
        AffinityNormalization.ROW.apply(out, m, new double[m]);
        assertArrayEquals(expected, out, 1e-6f);
        float[] same = w.data.clone();
        AffinityNormalization.NONE.apply(same, m, new double[m]);
        assertArrayEquals(w.data, same);
        double total = 0;
        for (float v : out) total += v;
        assertEquals(5.0, total, 1e-5); // five rows of P sum to one; P and P^T have the same total
    }
}
