package org.specrage.methods.specnet2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.specrage.data.MultiViewData;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.ModelFiles;
import org.specrage.methods.common.ModelReader;
import org.specrage.methods.common.ModelWriter;
import org.specrage.methods.common.NetworkStack;
import org.specrage.methods.common.NeuralModel;
import org.specrage.methods.common.StageSummary;
import org.specrage.model.Manifest;
import org.specrage.model.ModelDirectory;
import org.specrage.model.ModelFormatException;

/**
 * A fitted SpecNet2: scalers, optional encoder, the network and the Rayleigh-Ritz recovery matrix
 * R. transform(x) = net(fourier(encoder(scale(x)))) R (encoder and Fourier features when used): estimates of the top non-trivial eigenvectors of
 * W v = lambda D v, scaled so that U^T D U = vol I on the training graph (vol = sum of degrees),
 * extended to new rows. {@link #eigenvalues()} gives the Ritz values, largest first.
 *
 * <p>Manifest (besides {@link ModelDirectory}'s and {@link ModelFiles#head}'s entries):
 * {@code networks.specnet2}, optionally {@code networks.encoder}, {@code recovery_matrix}
 * (embedding_dim x embedding_dim), {@code eigenvalues}, {@code graph_volume} and, with Fourier features,
 * {@code fourier_frequencies}.
 */
public final class SpecNet2Model extends NeuralModel<SpecNet2Options> {
    public static final String METHOD = "specnet2";
    static final String NETWORK = "specnet2";
    private final NetworkStack stack;
    private final double[] eigenvalues;
    private final double volume;

    SpecNet2Model(SpecNet2Options options, NetworkStack stack, DMatrix recovery, double[] eigenvalues, DMatrix centroids,
                  List<StageSummary> stages, double volume) {
        super(METHOD, options, stack.pipeline(), recovery, centroids, stages);
        this.stack = stack;
        this.eigenvalues = eigenvalues.clone();
        this.volume = volume;
    }

    @Override
    protected FMatrix networkOutput(MultiViewData data) {
        return stack.apply(data);
    }

    /** The rows k-means sees: by default Ng, Jordan and Weiss's, as exact spectral clustering's (see {@link ClusteringRows}). */
    @Override
    public FMatrix clusteringRows(FMatrix embedding) {
        return typedOptions().clusteringRows().of(embedding, typedOptions().k());
    }

    /** The Ritz values, largest first: estimates of the top non-trivial eigenvalues of W v = lambda D v. */
    @Override
    public Optional<double[]> eigenvalues() {
        return Optional.of(eigenvalues.clone());
    }

    /** The recovery matrix R (a copy). */
    public DMatrix recoveryMatrix() {
        return outputMatrix();
    }

    /** Sum of the training graph's degrees. */
    public double graphVolume() {
        return volume;
    }

    public SpecNet2Options specNet2Options() {
        return typedOptions();
    }

    @Override
    protected void saveParts(ModelWriter out) {
        stack.save(out, typedOptions());
        out.put("recovery_matrix", Manifest.matrix(outputMatrix()));
        out.put("eigenvalues", eigenvalues);
        out.put("graph_volume", volume);
    }

    /** Rebuilds a model from a directory read by {@link ModelDirectory#read}; checks every dimension. */
    public static SpecNet2Model load(ModelDirectory.Stored stored) throws ModelFormatException {
        ModelReader in = new ModelReader(stored, METHOD);
        // a model saved before the clustering rows were an option clustered the embedding itself
        SpecNet2Options options = in.options(values -> SpecNet2Options.fromJson(withDefault(values, "clustering_rows", "embedding"), -1));
        NetworkStack stack = NetworkStack.load(in, NETWORK, options.fourierFeatures());
        int dim = stack.net().outputSize();
        Manifest m = in.manifest();
        DMatrix recovery = ModelFiles.finiteMatrix(m, "recovery_matrix", dim, dim);
        double[] eigenvalues = m.doubles("eigenvalues");
        if (eigenvalues.length != dim) throw new ModelFormatException("the model lists " + eigenvalues.length + " eigenvalues for " + dim + " eigenvectors");
        int width = options.clusteringRows().width(dim, options.k());
        return new SpecNet2Model(options, stack, recovery, eigenvalues, in.centroids(width), in.stages(), m.number("graph_volume"));
    }

    private static Map<String, Object> withDefault(Map<String, Object> values, String key, Object value) {
        if (values.containsKey(key)) return values;
        Map<String, Object> out = new LinkedHashMap<>(values);
        out.put(key, value);
        return out;
    }

    public static SpecNet2Model load(Path dir) throws IOException {
        return load(ModelDirectory.read(dir));
    }
}
