package org.specrage.methods.specnet2;

import org.junit.jupiter.api.Test;
import org.specrage.data.MultiViewData;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.eigen.DenseSymmetricEigen;
import org.specrage.eigen.EigenResult;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.EpochStats;
import org.specrage.methods.common.NetworkSpec;
import org.specrage.methods.common.TrainingListener;
import org.specrage.methods.common.TrainingOptions;
import org.specrage.metrics.ClusteringMetrics;
import org.specrage.nn.Activation;

class SpecNet2ProbeTest {
    static CsrMatrix denseGaussian(FMatrix x, double sigma, double threshold) {
        int n = x.rows;
        int[] r = new int[n * n], c = new int[n * n];
        double[] v = new double[n * n];
        int t = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            if (i == j) continue;
            double dx = x.get(i, 0) - x.get(j, 0), dy = x.get(i, 1) - x.get(j, 1);
            double w = Math.exp(-(dx * dx + dy * dy) / (sigma * sigma));
            if (w < threshold) continue;
            r[t] = i; c[t] = j; v[t++] = w;
        }
        return CsrMatrix.fromTriplets(n, n, r, c, v, t);
    }

    static double[] exactTop(CsrMatrix w, int count) {
        int n = w.rows;
        double[] d = w.rowSums();
        DMatrix a = new DMatrix(n, n);
        for (int i = 0; i < n; i++) for (int p = w.rowStart[i]; p < w.rowStart[i + 1]; p++) {
            int j = w.colIndex[p];
            a.data[i * n + j] = w.values[p] / Math.sqrt(d[i] * d[j]);
        }
        EigenResult r = DenseSymmetricEigen.largest(a, count);
        double[] out = new double[count];
        for (int i = 0; i < count; i++) out[i] = r.values()[count - 1 - i];
        return out;
    }

    @Test
    void probe() {
        MultiViewData data = SyntheticData.moons(400, 0.1, 3);
        CsrMatrix w = denseGaussian(data.view(0).dense(), 0.15, 0.08);
        double[] exact = exactTop(w, 3);
        System.out.println("exact " + java.util.Arrays.toString(exact));
        for (String mode : new String[] {"FULL"}) {
            for (double lr : new double[] {1e-2}) {
                SpecNet2Options o = SpecNet2Options.builder(2).network(new NetworkSpec(new int[] {64, 64}, Activation.LEAKY_RELU, Activation.IDENTITY))
                        .training(new TrainingOptions(3000, 400, lr, 0.5, 100, 1e-6, 0, 0, 5)).gradient(GradientMode.valueOf(mode)).preprocess("standard").seed(1).build();
                long t0 = System.nanoTime();
                SpecNet2Model m = SpecNet2.fit(data, w, o, new TrainingListener() {
                    @Override
                    public void epochDone(EpochStats s) {
                        if (s.epoch() % 500 == 0) System.out.println(s.epoch() + " " + s.loss() + " lr " + s.learningRate());
                    }
                });
                double[] ev = m.eigenvalues().get();
                System.out.println(mode + " lr " + lr + " secs " + (System.nanoTime() - t0) / 1e9 + " eig " + java.util.Arrays.toString(ev)
                        + " relerr " + Math.abs(ev[0] - exact[1]) / (1 - exact[1]) + " " + Math.abs(ev[1] - exact[2]) / (1 - exact[2])
                        + " " + ClusteringMetrics.score(data.labels(), m.predict(data)) + " " + m.stages().get(2));
            }
        }
    }
}
