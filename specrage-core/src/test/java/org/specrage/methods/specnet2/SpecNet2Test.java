package org.specrage.methods.specnet2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.eigen.DenseSymmetricEigen;
import org.specrage.eigen.EigenResult;
import org.specrage.io.Json;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.Models;
import org.specrage.methods.common.EmbeddingModel;
import org.specrage.methods.common.NetworkSpec;
import org.specrage.methods.common.StepFailure;
import org.specrage.methods.common.TrainingListener;
import org.specrage.methods.common.TrainingOptions;
import org.specrage.metrics.ClusteringMetrics;
import org.specrage.metrics.Subspaces;
import org.specrage.nn.Activation;
import org.specrage.nn.Mlp;

class SpecNet2Test {
    @TempDir
    Path tmp;

    static final NetworkSpec SMALL = new NetworkSpec(new int[] {64, 64}, Activation.LEAKY_RELU, Activation.IDENTITY);

    /** 200 points uniform on [0, 1] with the dense Gaussian affinity exp(-(x_i - x_j)^2 / 0.2^2): well separated top eigenvalues. */
    static MultiViewData line() {
        int n = 200;
        FMatrix x = new FMatrix(n, 1);
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < n; i++) x.data[i] = (float) r.nextDouble();
        return new MultiViewData(List.of(View.dense(x)), null, "line");
    }

    static CsrMatrix denseGaussian(FMatrix x, double sigma) {
        int n = x.rows;
        int[] rows = new int[n * n], cols = new int[n * n];
        double[] values = new double[n * n];
        int t = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                double s = 0;
                for (int c = 0; c < x.cols; c++) s += Math.pow(x.get(i, c) - x.get(j, c), 2);
                rows[t] = i;
                cols[t] = j;
                values[t++] = Math.exp(-s / (sigma * sigma));
            }
        }
        return CsrMatrix.fromTriplets(n, n, rows, cols, values, t);
    }

    /** Top eigenpairs of W v = lambda D v, largest first, with the vectors as D^-1/2 times those of D^-1/2 W D^-1/2. */
    static EigenResult exactTop(CsrMatrix w, int count) {
        int n = w.rows;
        double[] d = w.rowSums();
        DMatrix a = new DMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int p = w.rowStart[i]; p < w.rowStart[i + 1]; p++) a.data[i * n + w.colIndex[p]] = w.values[p] / Math.sqrt(d[i] * d[w.colIndex[p]]);
        }
        EigenResult r = DenseSymmetricEigen.largest(a, count);
        double[] values = new double[count];
        DMatrix vectors = new DMatrix(n, count);
        for (int j = 0; j < count; j++) {
            values[j] = r.values()[count - 1 - j];
            for (int i = 0; i < n; i++) vectors.data[i * count + j] = r.vectors().get(i, count - 1 - j) / Math.sqrt(d[i]);
        }
        return new EigenResult(values, vectors);
    }

    static SpecNet2Options options(GradientMode mode, int epochs) {
        return SpecNet2Options.builder(2).embeddingDim(2).network(SMALL).training(new TrainingOptions(epochs, 40, 1e-2, 0.5, 50, 1e-6, 0, 0, 5))
                .gradient(mode).preprocess("none").seed(1).build();
    }

    @Test
    void recoversTheExactEigenvaluesAndEigenvectors() {
        MultiViewData data = line();
        CsrMatrix w = denseGaussian(data.view(0).dense(), 0.2);
        EigenResult exact = exactTop(w, 3); // 1 (trivial), then the two the net should find
        DMatrix expectedVectors = new DMatrix(200, 2);
        for (int i = 0; i < 200; i++) for (int j = 0; j < 2; j++) expectedVectors.set(i, j, exact.vectors().get(i, j + 1));
        for (GradientMode mode : GradientMode.values()) {
            SpecNet2Model model = SpecNet2.fit(data, w, options(mode, mode == GradientMode.FULL ? 1000 : 200), TrainingListener.NONE);
            double[] ritz = model.eigenvalues().orElseThrow();
            // errors relative to the distance from 1 (the trivial eigenvalue), as the SpecNet2 authors measure them
            double tolerance = mode == GradientMode.LOCAL ? 0.1 : 5e-3; // LOCAL trains on batch sub-graphs only
            for (int j = 0; j < 2; j++) {
                double error = Math.abs(ritz[j] - exact.values()[j + 1]) / (1 - exact.values()[j + 1]);
                assertTrue(error < tolerance, mode + ": eigenvalue " + j + " " + ritz[j] + " vs exact " + exact.values()[j + 1] + ", error " + error);
            }
            assertTrue(ritz[0] >= ritz[1], "largest first");
            double sine = Subspaces.largestAngleSine(model.transform(data).toDouble(), expectedVectors);
            assertTrue(sine < (mode == GradientMode.LOCAL ? 0.3 : 0.05), mode + ": sine " + sine);
        }
    }

    @Test
    void ritzVectorsAreDOrthonormalWithVolumeScale() {
        MultiViewData data = line();
        CsrMatrix w = denseGaussian(data.view(0).dense(), 0.2);
        SpecNet2Model model = SpecNet2.fit(data, w, options(GradientMode.FULL, 100), TrainingListener.NONE);
        FMatrix u = model.transform(data);
        double[] d = w.rowSums();
        double volume = 0;
        for (double v : d) volume += v;
        assertEquals(volume, model.graphVolume(), 1e-9 * volume);
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double s = 0;
                for (int i = 0; i < 200; i++) s += d[i] * u.get(i, a) * u.get(i, b);
                assertEquals(a == b ? volume : 0.0, s, 1e-4 * volume);
            }
        }
    }

    @Test
    void rayleighRitzIsExactOnAnExactSubspace() {
        MultiViewData data = line();
        CsrMatrix w = denseGaussian(data.view(0).dense(), 0.2);
        EigenResult exact = exactTop(w, 3);
        // Z = (eigenvectors 2 and 3) times an arbitrary invertible matrix
        FMatrix z = new FMatrix(200, 2);
        for (int i = 0; i < 200; i++) {
            double a = exact.vectors().get(i, 1) * 40, b = exact.vectors().get(i, 2) * 40;
            z.set(i, 0, (float) (2 * a + b));
            z.set(i, 1, (float) (-a + 0.5 * b));
        }
        RayleighRitz.Result r = RayleighRitz.solve(new SpecNet2Graph(w), z);
        assertEquals(exact.values()[1], r.eigenvalues()[0], 1e-6);
        assertEquals(exact.values()[2], r.eigenvalues()[1], 1e-6);
    }

    @Test
    void objectiveGradientMatchesFiniteDifferences() {
        MultiViewData data = SyntheticData.blobs(12, 2, 2, 1.0, 4);
        CsrMatrix w = denseGaussian(data.view(0).dense(), 3.0);
        SpecNet2Graph graph = new SpecNet2Graph(w);
        int k = 2;
        FMatrix z = new FMatrix(12, k);
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < z.data.length; i++) z.data[i] = (float) (r.nextDouble() - 0.5);
        double[] s = new double[k * k], t = new double[k], wz = new double[k];
        graph.moments(z, s, t);
        float[] g = new float[12 * k];
        for (int i = 0; i < 12; i++) {
            graph.neighbourSum(i, z.data, k, wz);
            SpecNet2Graph.gradientRow(z.data, i * k, graph.degrees[i], wz, s, t, k, graph.volume, 1.0, g, i * k);
        }
        for (int e = 0; e < z.data.length; e++) {
            float original = z.data[e];
            float h = 1e-2f;
            z.data[e] = original + h;
            double plus = graph.objective(z);
            z.data[e] = original - h;
            double minus = graph.objective(z);
            z.data[e] = original;
            assertEquals((plus - minus) / (2 * h), g[e], 2e-4, "entry " + e); // the objective is a quartic: small float steps
        }
    }

    @Test
    void neighbourRowCountsArePaddedToAFewSizes() {
        // the tape pools arrays by length: counts that vary step to step must map to few lengths, cheaply
        java.util.Set<Integer> sizes = new java.util.HashSet<>();
        for (int rows = 1; rows <= 3 * org.specrage.methods.common.Inference.CHUNK; rows++) {
            int padded = SpecNet2Trainer.paddedCount(rows);
            assertTrue(padded >= rows && padded <= rows + rows / 8 + 16, rows + " -> " + padded);
            if (rows >= 1500 && rows <= 2500) sizes.add(padded);
        }
        // a ladder with steps of about 1/8: log(2500 / 1500) / log(1.125) = 4.3 steps, so at most 6 sizes
        assertTrue(sizes.size() <= 6, "sizes for 1500..2500 rows: " + sizes);
        assertEquals(0, SpecNet2Trainer.paddedCount(0));
        assertEquals(org.specrage.methods.common.Inference.CHUNK, SpecNet2Trainer.paddedCount(org.specrage.methods.common.Inference.CHUNK));
    }

    @Test
    void aNeighbourStepWhoseBatchHoldsEveryRowHasNoNeighbourRowsToForward() throws StepFailure {
        MultiViewData data = line();
        SpecNet2Options o = SpecNet2Options.builder(2).embeddingDim(2).network(SMALL).training(new TrainingOptions(1, 200, 1e-2, 0.5, 50, 1e-6, 0, 0, 5))
                .gradient(GradientMode.NEIGHBOR).preprocess("none").seed(1).build();
        SpecNet2Graph graph = new SpecNet2Graph(denseGaussian(data.view(0).dense(), 0.05));
        SpecNet2Trainer trainer = new SpecNet2Trainer(SMALL.build(1, 2, 3), org.specrage.methods.common.RowInput.of(data.view(0).dense()), graph, o,
                new SplittableRandom(2), TrainingListener.NONE);
        trainer.refreshCache();
        int[] order = new int[200];
        for (int i = 0; i < 200; i++) order[i] = i;
        assertTrue(Double.isFinite(trainer.neighbourStep(order, 0)));
    }

    @Test
    void neighbourStepsKeepTheTrackedMomentsExact() throws StepFailure {
        MultiViewData data = line();
        CsrMatrix w = denseGaussian(data.view(0).dense(), 0.05);
        SpecNet2Options o = options(GradientMode.NEIGHBOR, 1);
        Mlp net = SMALL.build(1, 2, 3);
        SpecNet2Graph graph = new SpecNet2Graph(w);
        SpecNet2Trainer trainer = new SpecNet2Trainer(net, org.specrage.methods.common.RowInput.of(data.view(0).dense()), graph, o, new SplittableRandom(2), TrainingListener.NONE);
        trainer.refreshCache();
        int[] order = new int[200];
        for (int i = 0; i < 200; i++) order[i] = (i * 37) % 200;
        org.specrage.optim.Adam adam = new org.specrage.optim.Adam(net.parameters(), 1e-2);
        for (int step = 0; step < 5; step++) {
            trainer.neighbourStep(order, 40 * step);
            adam.step();
            adam.zeroGrad();
            double[] tracked = trainer.trackedMoments();
            double[] s = new double[4], t = new double[2];
            graph.moments(trainer.cache(), s, t);
            for (int i = 0; i < 4; i++) assertEquals(s[i], tracked[i], 1e-9 * Math.max(1, Math.abs(s[i])), "S entry " + i);
            for (int i = 0; i < 2; i++) assertEquals(t[i], tracked[4 + i], 1e-9 * Math.max(1, Math.abs(t[i])), "t entry " + i);
        }
    }

    @Test
    void clustersAndRoundTripsThroughTheModelDirectory() throws IOException {
        MultiViewData data = SyntheticData.blobs(300, 3, 4, 1.0, 5);
        SpecNet2Options o = SpecNet2Options.builder(3).network(SMALL).training(new TrainingOptions(200, 64, 3e-3, 0.5, 20, 1e-6, 0, 0, 5))
                .neighbors(10, 5).seed(4).build();
        SpecNet2Model model = SpecNet2.fit(data, o, TrainingListener.NONE);
        assertEquals(1.0, ClusteringMetrics.accuracy(data.labels(), model.predict(data)));
        assertEquals(List.of("preprocess", "kNN graph", "specnet2", "rayleigh-ritz", "k-means"), model.stages().stream().map(s -> s.stage()).toList());
        Path dir = tmp.resolve("m");
        model.save(dir);
        EmbeddingModel loaded = Models.load(dir);
        assertTrue(loaded instanceof SpecNet2Model);
        assertArrayEquals(model.transform(data).data, loaded.transform(data).data);
        assertArrayEquals(model.eigenvalues().orElseThrow(), loaded.eigenvalues().orElseThrow());
        assertArrayEquals(model.predict(data), loaded.predict(data));
        assertEquals(Json.write(model.options()), Json.write(loaded.options()));
        assertEquals(o, ((SpecNet2Model) loaded).specNet2Options());
    }

    @Test
    void normalizedClusteringRowsAreThoseOfExactSpectralClustering() {
        // generalised eigenvectors scaled as the Ritz vectors are (U^T D U = vol I), the trivial one left out:
        // their normalised clustering rows must equal the unit rows of D^-1/2 W D^-1/2's top k eigenvectors
        // points on a line: eigenvalues well apart, so each exact eigenvector is well defined
        CsrMatrix w = denseGaussian(line().view(0).dense(), 0.2);
        int k = 3, n = w.rows;
        double[] d = w.rowSums();
        double volume = 0;
        for (double v : d) volume += v;
        EigenResult exact = exactTop(w, k + 1); // columns D^-1/2 v, the trivial first
        FMatrix embedding = new FMatrix(n, k); // u_2 .. u_{k+1}, scaled so that u^T D u = vol
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) embedding.set(i, j, (float) (Math.sqrt(volume) * exact.vectors().get(i, j + 1)));
        }
        FMatrix rows = ClusteringRows.NORMALIZED.of(embedding, k);
        assertEquals(k, rows.cols);
        assertEquals(k, ClusteringRows.NORMALIZED.width(k, k));
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j < k; j++) norm += d[i] * exact.vectors().get(i, j) * exact.vectors().get(i, j);
            for (int j = 0; j < k; j++) {
                // row i of the top k eigenvectors of D^-1/2 W D^-1/2 is sqrt(d_i) times that of the D^-1/2 columns
                double njw = Math.sqrt(d[i]) * exact.vectors().get(i, j) / Math.sqrt(norm);
                assertEquals(Math.abs(njw), Math.abs(rows.get(i, j)), 1e-5, "row " + i + ", column " + j);
            }
        }
        assertEquals(embedding, ClusteringRows.EMBEDDING.of(embedding, k));
    }

    @Test
    void aModelSavedBeforeTheClusteringRowsOptionClustersItsEmbedding() throws IOException {
        MultiViewData data = SyntheticData.blobs(300, 3, 4, 1.0, 5);
        SpecNet2Options o = SpecNet2Options.builder(3).network(SMALL).training(new TrainingOptions(5, 64, 3e-3, 0.5, 20, 1e-6, 0, 0, 5))
                .neighbors(10, 5).clusteringRows(ClusteringRows.EMBEDDING).seed(4).build();
        Path dir = tmp.resolve("old");
        SpecNet2.fit(data, o, TrainingListener.NONE).save(dir);
        Path manifest = dir.resolve("manifest.json");
        String text = java.nio.file.Files.readString(manifest);
        String without = text.replaceAll(",\\s*\"clustering_rows\"\\s*:\\s*\"embedding\"", "");
        assertTrue(without.length() < text.length(), "the manifest names the option");
        java.nio.file.Files.writeString(manifest, without);
        assertEquals(ClusteringRows.EMBEDDING, SpecNet2Model.load(dir).specNet2Options().clusteringRows());
        assertEquals(ClusteringRows.NORMALIZED, SpecNet2Options.builder(3).build().clusteringRows());
    }

    @Test
    void rejectsBadOptionsAndShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpecNet2Options.builder(0).build());
        assertTrue(e.getMessage().contains("k (clusters) must be at least 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpecNet2.fit(line(), new CsrMatrix(3, 3, new int[4], new int[0], new double[0]),
                options(GradientMode.FULL, 1), TrainingListener.NONE));
        assertTrue(e.getMessage().contains("3 x 3 but there are 200 training rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpecNet2Options.fromJson(java.util.Map.of("k", 2L, "gradient", "stochastic"), -1));
        assertTrue(e.getMessage().contains("full, local, neighbor"), e.getMessage());
    }
}
