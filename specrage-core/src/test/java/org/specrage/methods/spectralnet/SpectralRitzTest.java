package org.specrage.methods.spectralnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.MultiViewData;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.eigen.DenseSymmetricEigen;
import org.specrage.eigen.EigenResult;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.Models;
import org.specrage.methods.common.BatchAffinity;
import org.specrage.methods.common.NetworkSpec;
import org.specrage.methods.common.TrainingListener;
import org.specrage.metrics.Subspaces;
import org.specrage.nn.Activation;

class SpectralRitzTest {
    @TempDir
    Path tmp;

    @Test
    void picksTheBottomEigenvectorsOutOfALargerSubspace() {
        int n = 150, d = 3, p = 4;
        FMatrix x = SyntheticData.blobs(n, d, 2, 1.5, 4).view(0).dense();
        for (boolean normalized : new boolean[] {false, true}) {
            SpectralNetOptions options = SpectralNetOptions.builder(d).neighbors(8, 4).batchSize(256).normalizedLoss(normalized).build();
            float[] w = new float[n * n];
            new BatchAffinity(8, 4, options.scale(), 0).compute(x.data, n, x.cols, w);
            FMatrix l = new SpectralLoss(normalized).laplacian(w, n);
            EigenResult eig = DenseSymmetricEigen.decompose(l.toDouble());
            SplittableRandom r = new SplittableRandom(9);
            DMatrix mix = new DMatrix(d + p, d + p);
            for (int i = 0; i < d + p; i++) for (int j = 0; j <= i; j++) { double v = r.nextGaussian(); mix.set(i, j, v); mix.set(j, i, v); }
            DMatrix rotation = DenseSymmetricEigen.decompose(mix).vectors();
            FMatrix embedding = new FMatrix(n, d + p);
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < d + p; c++) {
                    double s = 0;
                    for (int t = 0; t < d + p; t++) s += eig.vectors().get(i, t < d ? t : n / 2 + t) * rotation.get(t, c);
                    embedding.set(i, c, (float) (Math.sqrt(n) * s));
                }
            }
            DMatrix ritz = SpectralRitz.bottom(embedding, org.specrage.methods.common.RowInput.of(x), options, 0, 3);
            assertEquals(d + p, ritz.rows);
            assertEquals(d, ritz.cols);
            DMatrix kept = new DMatrix(n, d), bottom = new DMatrix(n, d);
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < d; c++) {
                    double s = 0;
                    for (int t = 0; t < d + p; t++) s += embedding.get(i, t) * ritz.get(t, c);
                    kept.set(i, c, s);
                    bottom.set(i, c, eig.vectors().get(i, c));
                }
            }
            double sine = Subspaces.largestAngleSine(kept, bottom);
            assertTrue(sine < 1e-3, "normalized " + normalized + ": largest principal angle sine " + sine);
        }
    }

    @Test
    void extraColumnsAreRotatedAwayAndTheModelRoundTrips() throws IOException {
        MultiViewData data = SyntheticData.blobs(200, 3, 4, 1.0, 2);
        SpectralNetOptions o = SpectralNetOptions.builder(3).network(new NetworkSpec(new int[] {16}, Activation.LEAKY_RELU, Activation.TANH))
                .epochs(3).batchSize(128).neighbors(8, 4).extraDimensions(2).seed(4).build();
        SpectralNetModel model = SpectralNet.fit(data, o, TrainingListener.NONE);
        FMatrix y = model.transform(data);
        assertEquals(3, y.cols);
        // the rotation keeps Y^T Y = n I on the training rows
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double dot = 0;
                for (int i = 0; i < y.rows; i++) dot += (double) y.get(i, a) * y.get(i, b);
                assertEquals(a == b ? y.rows : 0, dot, 1e-2 * y.rows, "Y^T Y entry " + a + "," + b);
            }
        }
        model.save(tmp.resolve("m"));
        assertArrayEquals(y.data, Models.load(tmp.resolve("m")).transform(data).data);
    }
}
