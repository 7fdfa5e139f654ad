package org.specrage.methods.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.autoencoder.AutoencoderOptions;
import org.specrage.methods.specnet2.GradientMode;
import org.specrage.methods.specnet2.SpecNet2;
import org.specrage.methods.specnet2.SpecNet2Options;
import org.specrage.methods.spectralnet.SpectralNet;
import org.specrage.methods.spectralnet.SpectralNetOptions;
import org.specrage.nn.Activation;

/**
 * SpectralNet and SpecNet2 on one sparse view: the autoencoder's encoder, the network's first layer,
 * the kNN search and the batch affinities read the sparse rows as they are (at fit and at transform
 * time), so a view far too wide to write out densely trains; only Fourier features need dense rows,
 * and a view too large for that fails clearly. A fit plus transform on the 3,000 x 200,000 view (2.4 GB
 * if dense) must allocate under a sixth of that; an autoencoder's two wide layers (with gradients, Adam
 * state and best-parameter copy) and its 32 x 200,000 reconstruction targets take most of it.
 */
class SparseSingleViewTest {
    private static final NetworkSpec SMALL = new NetworkSpec(new int[] {8}, Activation.RELU, Activation.TANH);
    private static final AutoencoderOptions TINY_AE = AutoencoderOptions.defaults().withHidden(8).withCodeDim(2)
            .withTraining(TrainingOptions.of(1).withBatchSize(32));

    @Test
    void spectralNetWithAnAutoencoderNeverWritesOutAWideSparseView() {
        MultiViewData data = WideSparse.words(3000, 200_000);
        SpectralNetOptions options = SpectralNetOptions.builder(2).network(SMALL).epochs(1).batchSize(64).neighbors(5, 3)
                .autoencoder(TINY_AE).preprocess("none").kmeansRestarts(1).seed(2).build();
        WideSparse.assertFitsWithoutTheDenseView(data, 6, d -> SpectralNet.fit(d, options, TrainingListener.NONE).transform(d));
    }

    @Test
    void specNet2WithAnAutoencoderNeverWritesOutAWideSparseView() {
        MultiViewData data = WideSparse.words(3000, 200_000);
        SpecNet2Options options = SpecNet2Options.builder(2).network(SMALL).epochs(1).batchSize(64).neighbors(5, 3)
                .autoencoder(TINY_AE).preprocess("none").kmeansRestarts(1).seed(2).build();
        WideSparse.assertFitsWithoutTheDenseView(data, 6, d -> SpecNet2.fit(d, options, TrainingListener.NONE).transform(d));
    }

    /** Without an autoencoder SpecNet2 reads the view sparsely too: the kNN search, the network's first layer and transform. */
    @Test
    void specNet2WithoutAnAutoencoderNeverWritesOutAWideSparseView() {
        MultiViewData data = WideSparse.words(3000, 200_000);
        SpecNet2Options options = SpecNet2Options.builder(2).network(SMALL).epochs(1).batchSize(64).neighbors(5, 3)
                .preprocess("none").kmeansRestarts(1).seed(2).build();
        WideSparse.assertFitsWithoutTheDenseView(data, 6, d -> SpecNet2.fit(d, options, TrainingListener.NONE).transform(d));
    }

    @Test
    void specNet2OnSparseRowsLearnsTheTwoClasses() {
        MultiViewData data = WideSparse.words(600, 2000);
        SpecNet2Options options = SpecNet2Options.builder(2).network(SMALL).epochs(30).batchSize(64).neighbors(10, 5)
                .preprocess("none").kmeansRestarts(3).seed(2).build();
        var model = SpecNet2.fit(data, options, TrainingListener.NONE);
        int[] predicted = model.predict(data);
        double acc = org.specrage.metrics.ClusteringMetrics.accuracy(data.labels(), predicted);
        assertTrue(acc > 0.95, "ACC " + acc);
        // the neighbour-sampled training on sparse rows follows the dense computation (up to float summation order)
        assertEquals(GradientMode.NEIGHBOR, options.gradient());
        MultiViewData dense = new MultiViewData(List.of(View.dense(data.view(0).sparse().toDense())), data.labels(), "dense copy");
        FMatrix a = model.transform(data), b = SpecNet2.fit(dense, options, TrainingListener.NONE).transform(dense);
        double worst = 0;
        for (int i = 0; i < a.data.length; i++) worst = Math.max(worst, Math.abs(a.data[i] - b.data[i]));
        assertTrue(worst < 1e-2, "largest difference " + worst);
    }

    /** The same model embeds a sparse view and its dense copy alike (the encoder's sparse first layer is exact). */
    @Test
    void sparseAndDenseRowsGiveTheSameEmbedding() {
        MultiViewData sparse = WideSparse.words(400, 300);
        MultiViewData dense = new MultiViewData(List.of(View.dense(sparse.view(0).sparse().toDense())), sparse.labels(), "dense copy");
        SpectralNetOptions options = SpectralNetOptions.builder(2).network(SMALL).epochs(2).batchSize(64).neighbors(5, 3)
                .autoencoder(TINY_AE).preprocess("none").kmeansRestarts(1).seed(2).build();
        var model = SpectralNet.fit(sparse, options, TrainingListener.NONE);
        FMatrix a = model.transform(sparse), b = model.transform(dense);
        for (int i = 0; i < a.data.length; i++) assertEquals(a.data[i], b.data[i], 1e-5, "entry " + i);
        assertEquals(model.predict(sparse).length, 400);
        // SpecNet2 without an autoencoder: its own network reads the sparse rows
        var specNet2 = SpecNet2.fit(sparse, SpecNet2Options.builder(2).network(SMALL).epochs(2).batchSize(64).neighbors(5, 3)
                .preprocess("none").kmeansRestarts(1).seed(2).build(), TrainingListener.NONE);
        a = specNet2.transform(sparse);
        b = specNet2.transform(dense);
        for (int i = 0; i < a.data.length; i++) assertEquals(a.data[i], b.data[i], 1e-5, "SpecNet2 entry " + i);
    }

    /** Without an autoencoder SpectralNet reads the view sparsely: the network's first layer, the batch affinities and transform. */
    @Test
    void spectralNetWithoutAnAutoencoderNeverWritesOutAWideSparseView() {
        MultiViewData data = WideSparse.words(3000, 200_000);
        SpectralNetOptions options = SpectralNetOptions.builder(2).network(SMALL).epochs(1).batchSize(64).neighbors(5, 3)
                .preprocess("none").kmeansRestarts(1).seed(2).build();
        WideSparse.assertFitsWithoutTheDenseView(data, 6, d -> SpectralNet.fit(d, options, TrainingListener.NONE).transform(d));
    }

    @Test
    void spectralNetOnSparseRowsLearnsTheTwoClassesAsOnTheirDenseCopy() {
        MultiViewData sparse = WideSparse.words(600, 2000);
        MultiViewData dense = new MultiViewData(List.of(View.dense(sparse.view(0).sparse().toDense())), sparse.labels(), "dense copy");
        SpectralNetOptions options = SpectralNetOptions.builder(2).network(SMALL).epochs(20).batchSize(128).neighbors(10, 5)
                .preprocess("none").kmeansRestarts(3).seed(2).build();
        // both readings of the ortho matrix: on the tape, and as a constant from its own tape
        for (SpectralNetOptions o : List.of(options, options.toBuilder().gradientThroughOrtho(false).build())) {
            var onSparse = SpectralNet.fit(sparse, o, TrainingListener.NONE);
            var onDense = SpectralNet.fit(dense, o, TrainingListener.NONE);
            double accSparse = org.specrage.metrics.ClusteringMetrics.accuracy(sparse.labels(), onSparse.predict(sparse));
            double accDense = org.specrage.metrics.ClusteringMetrics.accuracy(dense.labels(), onDense.predict(dense));
            assertTrue(accSparse > 0.95 && accDense > 0.95, "ACC sparse " + accSparse + ", dense " + accDense);
            // the same computation up to float summation order: the embeddings agree closely
            FMatrix a = onSparse.transform(sparse), b = onDense.transform(dense);
            double worst = 0;
            for (int i = 0; i < a.data.length; i++) worst = Math.max(worst, Math.abs(a.data[i] - b.data[i]));
            assertTrue(worst < 1e-2, "largest difference " + worst + " (gradient through ortho " + o.gradientThroughOrtho() + ")");
        }
    }

    @Test
    void fourierFeaturesOfATooWideSparseViewFailNamingTheWaysRound() {
        // 3000 x 1,000,000 is 3e9 values: more than one Java array holds, whatever the heap
        MultiViewData data = WideSparse.words(3000, 1_000_000);
        SpectralNetOptions options = SpectralNetOptions.builder(2).network(SMALL).epochs(1).batchSize(64).neighbors(5, 3)
                .fourierFeatures(16, 1.0).preprocess("none").kmeansRestarts(1).seed(2).build();
        DataException e = assertThrows(DataException.class, () -> SpectralNet.fit(data, options, TrainingListener.NONE));
        assertTrue(e.getMessage().contains("3000 rows x 1000000 columns is 12.0 GB") && e.getMessage().contains("fourier_features")
                && e.getMessage().contains("--autoencoder"), e.getMessage());
    }
}
