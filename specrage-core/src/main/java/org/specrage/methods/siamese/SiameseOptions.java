package org.specrage.methods.siamese;

import java.util.Map;
import java.util.Set;
import org.specrage.methods.common.JsonOptions;
import org.specrage.methods.common.JsonWritable;
import org.specrage.methods.common.NetworkSpec;
import org.specrage.methods.common.TrainingOptions;
import org.specrage.nn.Activation;

/**
 * Options of the Siamese affinity network.
 *
 * @param network   hidden layers (default 1024-1024-512 ReLU, linear output)
 * @param outputDim columns of the learned space (default 10)
 * @param neighbors positives per point: its exact nearest neighbours (siam_k; default 2); as many random non-neighbours are negatives
 * @param margin    contrastive margin: negatives closer than this are pushed apart (default 1)
 * @param training  default 30 epochs, batch 128 pairs, lr 1e-3, plateau factor 0.1 after 5 epochs, early stopping after 10, 10% validation
 */
public record SiameseOptions(NetworkSpec network, int outputDim, int neighbors, double margin, TrainingOptions training) implements JsonWritable {
    public SiameseOptions {
        if (network == null || training == null) throw new IllegalArgumentException("siamese network and training options must not be null");
        if (outputDim < 1) throw new IllegalArgumentException("siamese output dimension must be at least 1, got " + outputDim);
        if (neighbors < 1) throw new IllegalArgumentException("siamese neighbors must be at least 1, got " + neighbors);
        if (!(margin > 0 && Double.isFinite(margin))) throw new IllegalArgumentException("siamese margin must be positive, got " + margin);
    }

    public static SiameseOptions defaults() {
        TrainingOptions training = new TrainingOptions(30, 128, 1e-3, 0.1, 5, 1e-7, 10, 0.1, 5);
        return new SiameseOptions(new NetworkSpec(new int[] {1024, 1024, 512}, Activation.RELU, Activation.IDENTITY), 10, 2, 1.0, training);
    }

    public SiameseOptions withNetwork(NetworkSpec value) {
        return new SiameseOptions(value, outputDim, neighbors, margin, training);
    }

    public SiameseOptions withOutputDim(int value) {
        return new SiameseOptions(network, value, neighbors, margin, training);
    }

    public SiameseOptions withNeighbors(int value) {
        return new SiameseOptions(network, outputDim, value, margin, training);
    }

    public SiameseOptions withTraining(TrainingOptions value) {
        return new SiameseOptions(network, outputDim, neighbors, margin, value);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("network", network.toJson());
        m.put("output_dim", outputDim);
        m.put("neighbors", neighbors);
        m.put("margin", margin);
        m.put("training", training.toJson());
        return m;
    }

    /** Reads {@link #toJson()}'s keys over the defaults. */
    public static SiameseOptions fromJson(JsonOptions json) {
        SiameseOptions d = defaults();
        if (json == null) return d;
        json.requireKnown(Set.of("network", "output_dim", "neighbors", "margin", "training"));
        return new SiameseOptions(NetworkSpec.fromJson(json.object("network"), d.network), json.integer("output_dim", d.outputDim),
                json.integer("neighbors", d.neighbors), json.number("margin", d.margin),
                TrainingOptions.fromJson(json.object("training"), d.training));
    }
}
