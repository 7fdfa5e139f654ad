package org.specrage.methods.specnet2;

import org.junit.jupiter.api.Test;
import org.specrage.data.MultiViewData;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.eigen.DenseSymmetricEigen;
import org.specrage.eigen.EigenResult;
import org.specrage.graph.Affinity;
import org.specrage.graph.AffinityKind;
import org.specrage.graph.KnnSearch;
import org.specrage.graph.Metric;
import org.specrage.graph.ScaleMode;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.DMatrix;
import org.specrage.methods.common.NetworkSpec;
import org.specrage.methods.common.TrainingListener;
import org.specrage.methods.common.TrainingOptions;
import org.specrage.nn.Activation;
import org.specrage.data.prep.Preprocessing;
import org.specrage.util.Progress;

class SpecNet2ProbeTest {
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
        for (double std : new double[] {2.5, 3.5}) {
            MultiViewData data = SyntheticData.blobs(300, 3, 2, std, 4);
            var x = Preprocessing.fitTransform(data, data, "standard").view(0).dense();
            CsrMatrix w = Affinity.build(KnnSearch.exact(x, 10, Metric.EUCLIDEAN, Progress.NONE), AffinityKind.GAUSSIAN, ScaleMode.GLOBAL_MEDIAN, 5);
            double[] exact = exactTop(w, 5);
            System.out.println("std " + std + " exact " + java.util.Arrays.toString(exact));
            for (GradientMode mode : GradientMode.values()) {
                SpecNet2Options o = SpecNet2Options.builder(3).embeddingDim(2).network(new NetworkSpec(new int[] {64, 64}, Activation.LEAKY_RELU, Activation.IDENTITY))
                        .training(new TrainingOptions(300, 64, 3e-3, 0.5, 30, 1e-6, 0, 0, 5)).gradient(mode).neighbors(10, 5).preprocess("standard").seed(1).build();
                long t0 = System.nanoTime();
                SpecNet2Model m = SpecNet2.fit(data, o, TrainingListener.NONE);
                double[] ev = m.eigenvalues().get();
                System.out.println(mode + " secs " + (System.nanoTime() - t0) / 1e9 + " eig " + java.util.Arrays.toString(ev)
                        + " relerr " + Math.abs(ev[0] - exact[1]) / (1 - exact[1]) + " " + Math.abs(ev[1] - exact[2]) / (1 - exact[2])
                        + " acc " + org.specrage.metrics.ClusteringMetrics.accuracy(data.labels(), m.predict(data)));
            }
        }
    }
}
