package org.specrage.methods.specrage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.specrage.cluster.KMeans;
import org.specrage.cluster.KMeansOptions;
import org.specrage.data.MultiViewData;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.EmbeddingModel;
import org.specrage.methods.common.Inference;
import org.specrage.methods.common.InputPipeline;
import org.specrage.methods.common.ModelFiles;
import org.specrage.methods.common.NetworkIO;
import org.specrage.methods.common.StageSummary;
import org.specrage.model.Manifest;
import org.specrage.model.ModelDirectory;
import org.specrage.model.ModelFormatException;
import org.specrage.nn.Activation;
import org.specrage.nn.Mlp;

/**
 * A fitted SpecRaGE model: the per-view scalers, optional per-view encoders, the view and fusion
 * networks, the orthonormalisation matrix A (from all training rows) and the k-means centroids of
 * the training embedding. transform(x) = (sum_v alpha_v(x) g_v(enc_v(scale_v(x_v)))) A. Immutable:
 * the networks are private and only run forward.
 *
 * <p>Manifest (besides {@link ModelDirectory}'s and {@link ModelFiles#head}'s entries):
 * {@code networks.views} (one entry per view, weights under "view{v}."), optionally
 * {@code networks.fusion} ("fusion.") and {@code networks.encoders} ("encoder{v}."),
 * {@code temperature} and {@code ortho_matrix} (k x k).
 */
public final class SpecRageModel implements EmbeddingModel {
    public static final String METHOD = "specrage";
    private final SpecRageOptions options;
    private final InputPipeline pipeline;
    private final List<Mlp> encoders;
    private final SpecRageNetwork net;
    private final DMatrix ortho;
    private final DMatrix centroids;
    private final List<StageSummary> stages;

    SpecRageModel(SpecRageOptions options, InputPipeline pipeline, List<Mlp> encoders, SpecRageNetwork net, DMatrix ortho,
                  DMatrix centroids, List<StageSummary> stages) {
        this.options = options;
        this.pipeline = pipeline;
        this.encoders = encoders == null ? null : List.copyOf(encoders);
        this.net = net;
        this.ortho = ortho.copy();
        this.centroids = centroids.copy();
        this.stages = List.copyOf(stages);
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public int[] inputDims() {
        return pipeline.viewDims();
    }

    public int viewCount() {
        return net.viewCount();
    }

    @Override
    public int embeddingDim() {
        return ortho.cols;
    }

    @Override
    public int clusters() {
        return centroids.rows;
    }

    /** The embedding Y = Y~ A of every row of the raw data (n x k). */
    @Override
    public FMatrix transform(MultiViewData data) {
        return ModelFiles.multiply(forward(data).fused(), ortho);
    }

    /**
     * Each row's fusion weights (n x V, rows sum to 1): a low weight means the model trusts that
     * view less for that sample. Uniform (1/V) without a fusion network.
     */
    public FMatrix viewWeights(MultiViewData data) {
        return forward(data).weights();
    }

    /**
     * Clusters the given rows afresh: k-means with the given restarts on their embedding (the
     * evaluation protocol's held-out clustering); {@link #predict} keeps the training centroids instead.
     */
    public int[] cluster(MultiViewData data, int restarts, long seed) {
        return new KMeans(KMeansOptions.of(clusters(), seed).withRestarts(restarts)).fit(transform(data).toDouble()).labels();
    }

    private FusedForward.Result forward(MultiViewData data) {
        FMatrix[] x = ViewRows.split(pipeline.features(data), pipeline.viewDims());
        if (encoders != null) for (int v = 0; v < x.length; v++) x[v] = Inference.apply(encoders.get(v), x[v]);
        return FusedForward.apply(net, x);
    }

    @Override
    public DMatrix centroids() {
        return centroids.copy();
    }

    /** The orthonormalisation matrix A (a copy). */
    public DMatrix orthoMatrix() {
        return ortho.copy();
    }

    /** SpecRaGE yields no eigenvalue estimates. */
    @Override
    public Optional<double[]> eigenvalues() {
        return Optional.empty();
    }

    @Override
    public long seed() {
        return options.seed();
    }

    public SpecRageOptions specRageOptions() {
        return options;
    }

    @Override
    public Map<String, Object> options() {
        return options.toJson();
    }

    @Override
    public List<StageSummary> stages() {
        return stages;
    }

    /** The networks (package use: tests). */
    SpecRageNetwork network() {
        return net;
    }

    /** True when a fusion network gives per-sample weights (learned fusion with two or more views). */
    public boolean hasFusionNetwork() {
        return net.fusionNetwork() != null;
    }

    @Override
    public void save(Path dir) throws IOException {
        Map<String, Object> m = ModelFiles.head(METHOD, options.seed(), pipeline, embeddingDim(), centroids, options.toJson(), stages);
        Map<String, Object> networks = Manifest.newObject();
        Map<String, FMatrix> weights = new LinkedHashMap<>();
        if (encoders != null) {
            List<Object> list = new ArrayList<>();
            for (int v = 0; v < encoders.size(); v++) {
                list.add(NetworkIO.describe(encoders.get(v), options.autoencoder().activation(), Activation.IDENTITY));
                NetworkIO.addWeights(weights, "encoder" + v + ".", encoders.get(v));
            }
            networks.put("encoders", list);
        }
        List<Object> views = new ArrayList<>();
        for (int v = 0; v < net.viewCount(); v++) {
            views.add(NetworkIO.describe(net.viewNetworks().get(v), options.network().activation(), options.network().outputActivation()));
            NetworkIO.addWeights(weights, "view" + v + ".", net.viewNetworks().get(v));
        }
        networks.put("views", views);
        if (net.fusionNetwork() != null) {
            networks.put("fusion", NetworkIO.describe(net.fusionNetwork(), Activation.RELU, Activation.IDENTITY));
            NetworkIO.addWeights(weights, "fusion.", net.fusionNetwork());
        }
        m.put("networks", networks);
        m.put("temperature", net.temperature());
        m.put("ortho_matrix", Manifest.matrix(ortho));
        ModelDirectory.write(dir, m, weights);
    }

    /** Rebuilds a model from a directory read by {@link ModelDirectory#read}; checks every dimension. */
    public static SpecRageModel load(ModelDirectory.Stored stored) throws ModelFormatException {
        Manifest m = stored.manifest();
        if (!METHOD.equals(m.string("method"))) throw new ModelFormatException("not a " + METHOD + " model: method is " + m.string("method"));
        SpecRageOptions options;
        try {
            options = SpecRageOptions.fromJson(m.object("options").values(), -1);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the model's options are invalid: " + e.getMessage());
        }
        InputPipeline pipeline = ModelFiles.pipeline(m);
        int[] dims = pipeline.viewDims();
        Map<String, FMatrix> weights = new LinkedHashMap<>(stored.weights());
        Manifest networks = m.object("networks");
        List<Mlp> encoders = null;
        int[] netInputs = dims.clone();
        if (networks.has("encoders")) {
            List<Manifest> list = networks.objects("encoders");
            if (list.size() != dims.length) throw new ModelFormatException("the model has " + list.size() + " encoders for " + dims.length + " views");
            encoders = new ArrayList<>();
            for (int v = 0; v < dims.length; v++) {
                Mlp e = NetworkIO.rebuild(list.get(v), weights, "encoder" + v + ".");
                if (e.inputSize() != dims[v]) throw new ModelFormatException("encoder " + v + " takes " + e.inputSize() + " columns but view " + v + " has " + dims[v]);
                encoders.add(e);
                netInputs[v] = e.outputSize();
            }
        }
        List<Manifest> viewList = networks.objects("views");
        if (viewList.size() != dims.length) throw new ModelFormatException("the model has " + viewList.size() + " view networks for " + dims.length + " views");
        int k = m.smallInt("embedding_dim");
        List<Mlp> views = new ArrayList<>();
        for (int v = 0; v < dims.length; v++) {
            Mlp net = NetworkIO.rebuild(viewList.get(v), weights, "view" + v + ".");
            if (net.inputSize() != netInputs[v]) throw new ModelFormatException("view network " + v + " takes " + net.inputSize() + " columns but gets " + netInputs[v]);
            if (net.outputSize() != k) throw new ModelFormatException("view network " + v + " has " + net.outputSize() + " outputs but embedding_dim is " + k);
            views.add(net);
        }
        Mlp fusion = networks.has("fusion") ? NetworkIO.rebuild(networks.object("fusion"), weights, "fusion.") : null;
        NetworkIO.requireAllUsed(weights);
        double temperature = m.number("temperature");
        SpecRageNetwork net;
        try {
            net = new SpecRageNetwork(views, fusion, temperature);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the model's networks do not fit together: " + e.getMessage());
        }
        DMatrix ortho = ModelFiles.finiteMatrix(m, "ortho_matrix", k, k);
        int clusters = m.smallInt("clusters");
        if (clusters < 1) throw new ModelFormatException("the model has " + clusters + " clusters");
        DMatrix centroids = ModelFiles.finiteMatrix(m, "centroids", clusters, k);
        return new SpecRageModel(options, pipeline, encoders, net, ortho, centroids, ModelFiles.stages(m));
    }

    /** Reads a SpecRaGE model directory. */
    public static SpecRageModel load(Path dir) throws IOException {
        return load(ModelDirectory.read(dir));
    }
}
