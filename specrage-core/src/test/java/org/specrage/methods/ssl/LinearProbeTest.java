package org.specrage.methods.ssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.FMatrix;

class LinearProbeTest {
    /** Three overlapping Gaussian classes in 4-D with one useless constant column. */
    private static FMatrix data(int n, int[] labels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        FMatrix x = new FMatrix(n, 5);
        double[][] centres = {{0, 0, 0, 0}, {1.5, 0, 0.5, 0}, {0, 1.5, 0, -0.5}};
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
            for (int c = 0; c < 4; c++) x.set(i, c, (float) (100 * centres[labels[i]][c] + 100 * FreeEmbedding.gaussian(r) + 7));
            x.set(i, 4, 3f);
        }
        return x;
    }

    @Test
    void fittedProbeIsAStationaryPointOfTheRegularisedCrossEntropy() {
        int n = 600;
        int[] y = new int[n];
        FMatrix x = data(n, y, 1);
        LinearProbe.Options o = new LinearProbe.Options(1000, 600, 0.05, 1e-2, 0); // full batch
        LinearProbe probe = LinearProbe.fit(x, y, o);
        // gradient of mean cross-entropy + (l2/2)||W||^2, computed in double at the fitted weights
        FMatrix z = probe.standardizeFeatures(x);
        FMatrix w = probe.weights();
        float[] b = probe.bias();
        int d = 5, k = 3;
        double[] gw = new double[d * k], gb = new double[k];
        for (int i = 0; i < n; i++) {
            double[] s = new double[k];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                s[c] = b[c];
                for (int f = 0; f < d; f++) s[c] += z.get(i, f) * w.get(f, c);
                max = Math.max(max, s[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) sum += Math.exp(s[c] - max);
            for (int c = 0; c < k; c++) {
                double p = Math.exp(s[c] - max) / sum - (c == y[i] ? 1 : 0);
                gb[c] += p / n;
                for (int f = 0; f < d; f++) gw[f * k + c] += p * z.get(i, f) / n;
            }
        }
        double worst = 0;
        for (int j = 0; j < gw.length; j++) worst = Math.max(worst, Math.abs(gw[j] + 1e-2 * w.data[j]));
        for (double v : gb) worst = Math.max(worst, Math.abs(v));
        assertTrue(worst < 1e-3, "largest gradient entry at the fitted probe: " + worst);
        // the constant column carries nothing: its standardised value is 0, so its weights stay 0
        for (int c = 0; c < k; c++) assertEquals(0, w.get(4, c), 1e-6);
    }

    @Test
    void probeSeparatesSeparableClassesAndUsesTrainingStatisticsOnly() {
        int n = 300;
        int[] y = new int[n];
        FMatrix x = new FMatrix(n, 2);
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            x.set(i, 0, (float) (y[i] * 10 + (i % 7) * 0.1));
            x.set(i, 1, (float) (i % 5));
        }
        LinearProbe probe = LinearProbe.fit(x, y, LinearProbe.Options.defaults());
        assertEquals(1.0, probe.accuracy(x, y));
        // test rows far outside the training range are still scored with the training statistics
        FMatrix test = new FMatrix(2, 2, new float[] {-50, 0, 60, 0});
        int[] p = probe.predict(test);
        assertEquals(0, p[0]);
        assertEquals(1, p[1]);
        assertThrows(IllegalArgumentException.class, () -> LinearProbe.fit(x, new int[n - 1], LinearProbe.Options.defaults()));
        assertThrows(IllegalArgumentException.class, () -> probe.predict(new FMatrix(1, 3)));
    }
}
