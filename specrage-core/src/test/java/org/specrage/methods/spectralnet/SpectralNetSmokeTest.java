package org.specrage.methods.spectralnet;

import org.junit.jupiter.api.Test;
import org.specrage.data.MultiViewData;
import org.specrage.data.prep.Preprocessing;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.eigen.DenseSymmetricEigen;
import org.specrage.eigen.EigenResult;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.BatchAffinity;
import org.specrage.methods.common.BatchScale;
import org.specrage.methods.common.NetworkSpec;
import org.specrage.methods.common.TrainingListener;
import org.specrage.metrics.ClusteringMetrics;
import org.specrage.metrics.Subspaces;
import org.specrage.nn.Activation;

class SpectralNetSmokeTest {
    static DMatrix exact(FMatrix x, int K, int sk, int k, boolean normalized) {
        int n = x.rows;
        float[] w = new float[n * n];
        new BatchAffinity(K, sk, BatchScale.LOCAL, 0).compute(x.data, n, x.cols, w);
        DMatrix l = new DMatrix(n, n);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) d[i] += w[i * n + j];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            double v = normalized ? -w[i * n + j] / Math.sqrt(d[i] * d[j]) : -w[i * n + j];
            if (i == j) v += normalized ? 1 : d[i];
            l.data[i * n + j] = v;
        }
        EigenResult r = DenseSymmetricEigen.smallest(l, k + 4);
        System.out.println("exact eigenvalues " + java.util.Arrays.toString(r.values()));
        DMatrix v = new DMatrix(n, k);
        for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) v.data[i * k + j] = r.vectors().get(i, j);
        return v;
    }

    @Test
    void moons() {
        MultiViewData data = SyntheticData.moons(1000, 0.1, 1);
        FMatrix x = Preprocessing.fitTransform(data, data, "minmax").view(0).dense();
        for (boolean through : new boolean[] {true}) {
            for (double lr : new double[] {1e-3}) {
                int epochs = 400;
                SpectralNetOptions o = SpectralNetOptions.builder(2).network(new NetworkSpec(new int[] {64, 64}, Activation.LEAKY_RELU, Activation.TANH))
                        .training(org.specrage.methods.common.TrainingOptions.of(400).withBatchSize(1000).withLearningRate(lr).withSchedule(0.1, 1000, 0))
                        .neighbors(10, 5).gradientThroughOrtho(through).seed(3).build();
                long t0 = System.nanoTime();
                SpectralNetModel model = SpectralNet.fit(data, o, TrainingListener.NONE);
                double secs = (System.nanoTime() - t0) / 1e9;
                int[] pred = model.predict(data);
                DMatrix y = model.transform(data).toDouble();
                double sin = Subspaces.largestAngleSine(y, exact(x, 10, 5, 2, false));
                System.out.println("through " + through + " lr " + lr + " secs " + secs + " " + ClusteringMetrics.score(data.labels(), pred) + " sin " + sin
                        + " loss " + model.stages().get(1).finalLoss());
            }
        }
    }
}
