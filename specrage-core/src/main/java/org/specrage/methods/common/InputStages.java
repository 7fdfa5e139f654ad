package org.specrage.methods.common;

import org.specrage.data.MultiViewData;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.autoencoder.Autoencoder;
import org.specrage.methods.autoencoder.AutoencoderOptions;
import org.specrage.methods.siamese.SiameseNet;
import org.specrage.methods.siamese.SiameseOptions;
import org.specrage.nn.Mlp;

/**
 * The stages around a neural method's own training, shared by the methods: fit the input scalers,
 * train the optional autoencoder and Siamese net on what comes before them, and k-means on the
 * final training embedding.
 */
public final class InputStages {
    private InputStages() {
    }

    /** The fitted input pipeline and the training rows it gives (a single sparse view kept sparse). */
    public record Preprocessed(InputPipeline pipeline, RowInput rows) {
    }

    /** The autoencoder's encoder (null without one) and the rows it gives (the input itself without one, sparse or dense). */
    public record Encoded(Mlp encoder, RowInput codes) {
    }

    /** Stage "preprocess": scalers of the given kind fitted on the training rows, then the rows scaled and joined. */
    public static Preprocessed preprocess(MultiViewData train, String kind, FitStages stages) {
        return stages.run("preprocess", () -> {
            InputPipeline pipeline = InputPipeline.fit(train, kind);
            return new Preprocessed(pipeline, pipeline.rows(train));
        });
    }

    /**
     * Trains the autoencoder on the rows (dense or sparse) when options are given and maps them to its
     * (dense) codes; without options, the rows themselves.
     */
    public static Encoded encode(RowInput x, AutoencoderOptions options, long seed, FitStages stages) {
        if (options == null) return new Encoded(null, x);
        Autoencoder.Result ae = Autoencoder.train(x, options, seed, stages.listener());
        stages.add(ae.summary());
        return new Encoded(ae.encoder(), RowInput.of(x.apply(ae.encoder())));
    }

    /** Trains the Siamese net on the rows (dense or sparse) and returns them in its output space. */
    public static FMatrix siameseSpace(RowInput x, SiameseOptions options, long seed, FitStages stages) {
        TrainedNetwork siamese = SiameseNet.train(x, options, seed, stages.listener());
        stages.add(siamese.summary());
        return x.apply(siamese.network());
    }

    /** Stage "k-means": the centroids the model keeps, from restarts runs on the training embedding. */
    public static DMatrix centroids(FMatrix embedding, int k, int restarts, long seed, FitStages stages) {
        return stages.run("k-means", () -> ClusterCentroids.fit(embedding, k, restarts, seed).centroids());
    }
}
