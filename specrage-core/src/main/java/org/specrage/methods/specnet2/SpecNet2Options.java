package org.specrage.methods.specnet2;

import java.util.Map;
import org.specrage.graph.ScaleMode;
import org.specrage.methods.autoencoder.AutoencoderOptions;
import org.specrage.methods.common.JsonOptions;
import org.specrage.methods.common.NeuralOptions;
import org.specrage.methods.common.SingleNetworkOptions;
import org.specrage.methods.common.SingleNetworkOptionsBuilder;
import org.specrage.methods.common.NetworkSpec;
import org.specrage.methods.common.OptionsJson;
import org.specrage.methods.common.TrainingOptions;
import org.specrage.nn.Activation;

/**
 * Options of {@link SpecNet2}. Build with {@link #builder(int)}.
 *
 * @param k              number of clusters
 * @param embeddingDim   eigenvectors learned (default k), the trivial one excluded
 * @param network        hidden layers (default 256-256 leaky ReLU, linear output)
 * @param training       default 200 epochs, batch 256, lr 1e-3, plateau factor 0.1 after 20 epochs, stop below lr 1e-7
 * @param gradient       FULL, LOCAL or NEIGHBOR (default)
 * @param neighbors      K of the training set's exact kNN graph (default 10)
 * @param scaleK         neighbour rank setting the Gaussian scale (default 5)
 * @param scale          GLOBAL_MEDIAN (default) or LOCAL
 * @param autoencoder    null (default) or the autoencoder whose codes replace the input
 * @param preprocess     per-view scaling: minmax (default), standard, l2, tfidf, none
 * @param fourierFeatures random Fourier features fed to the network instead of its raw input (0: none, default; see
 *                       {@link org.specrage.methods.common.FourierFeatures}); the graph still uses the input
 * @param fourierScale   standard deviation of the Fourier frequencies (default 0.5)
 * @param kmeansRestarts k-means restarts on the training embedding (default 10)
 * @param clusteringRows the rows k-means sees: NORMALIZED (default; those of exact spectral clustering) or EMBEDDING
 * @param seed           drives every random choice
 */
public record SpecNet2Options(int k, int embeddingDim, NetworkSpec network, TrainingOptions training, GradientMode gradient,
                              int neighbors, int scaleK, ScaleMode scale, AutoencoderOptions autoencoder, String preprocess,
                              int fourierFeatures, double fourierScale, int kmeansRestarts, ClusteringRows clusteringRows, long seed)
        implements SingleNetworkOptions {
    public SpecNet2Options {
        NeuralOptions.checkShared(k, neighbors, scaleK, preprocess, kmeansRestarts);
        SingleNetworkOptions.checkSingleNetwork(embeddingDim, fourierFeatures, fourierScale);
        if (network == null || training == null || gradient == null || scale == null || clusteringRows == null) {
            throw new IllegalArgumentException("network, training, gradient, scale and clustering rows must be given");
        }
    }

    public static final NetworkSpec DEFAULT_NETWORK = new NetworkSpec(new int[] {256, 256}, Activation.LEAKY_RELU, Activation.IDENTITY);

    public static Builder builder(int k) {
        return new Builder(k);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Reads {@link #toJson()}'s keys over the defaults (k required unless defaultK > 0); unknown keys are errors. */
    public static SpecNet2Options fromJson(Map<String, Object> values, int defaultK) {
        JsonOptions json = OptionsJson.reader(values, "specnet2 options", SpecNet2Options.class);
        return builder(OptionsJson.clusters(json, defaultK)).read(json).build();
    }

    /** Mutable builder with the defaults; {@link #build()} validates. */
    public static final class Builder extends SingleNetworkOptionsBuilder<Builder> {
        private GradientMode gradient = GradientMode.NEIGHBOR;
        private ScaleMode scale = ScaleMode.GLOBAL_MEDIAN;
        private ClusteringRows clusteringRows = ClusteringRows.NORMALIZED;

        private Builder(int k) {
            super(k, DEFAULT_NETWORK, new TrainingOptions(200, 256, 1e-3, 0.1, 20, 1e-7, 0, 0.0, 5), 10, 5);
        }

        private Builder(SpecNet2Options o) {
            super(o);
            gradient = o.gradient;
            scale = o.scale;
            clusteringRows = o.clusteringRows;
        }

        private Builder read(JsonOptions json) {
            readShared(json);
            gradient = json.enumValue("gradient", GradientMode.class, gradient);
            scale = json.enumValue("scale", ScaleMode.class, scale);
            clusteringRows = json.enumValue("clustering_rows", ClusteringRows.class, clusteringRows);
            return this;
        }

        public Builder gradient(GradientMode v) { gradient = v; return this; }
        public Builder scale(ScaleMode v) { scale = v; return this; }
        public Builder clusteringRows(ClusteringRows v) { clusteringRows = v; return this; }

        public SpecNet2Options build() {
            return new SpecNet2Options(k, embeddingDim, network, training, gradient, neighbors, scaleK, scale, autoencoder,
                    preprocess, fourierFeatures, fourierScale, kmeansRestarts, clusteringRows, seed);
        }
    }
}
