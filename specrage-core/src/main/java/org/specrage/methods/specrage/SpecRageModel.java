package org.specrage.methods.specrage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.specrage.data.MultiViewData;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.InputPipeline;
import org.specrage.methods.common.ModelFiles;
import org.specrage.methods.common.ModelReader;
import org.specrage.methods.common.ModelWriter;
import org.specrage.methods.common.NeuralModel;
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
 * {@code temperature} and {@code ortho_matrix} (k x k); with a view-consistency gate, the entries
 * of {@link ViewGateFiles}.
 */
public final class SpecRageModel extends NeuralModel<SpecRageOptions> {
    public static final String METHOD = "specrage";
    private final List<Mlp> encoders;
    private final SpecRageNetwork net;
    /** The view-consistency gate and the single-view ridge maps (both null when the check marked nothing). */
    private final ViewGate gate;
    private final Mlp[] heads;

    SpecRageModel(SpecRageOptions options, InputPipeline pipeline, List<Mlp> encoders, SpecRageNetwork net, ViewGate gate, Mlp[] heads,
                  DMatrix ortho, DMatrix centroids, List<StageSummary> stages) {
        super(METHOD, options, pipeline, ortho, centroids, stages);
        this.encoders = encoders == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(encoders));
        this.net = net;
        this.gate = gate;
        this.heads = heads == null ? null : heads.clone();
    }

    public int viewCount() {
        return net.viewCount();
    }

    /** The fused output Y~ (transform gives the embedding Y = Y~ A). */
    @Override
    protected FMatrix networkOutput(MultiViewData data) {
        return forward(data).fused();
    }

    /**
     * Each row's fusion weights (n x V, rows sum to 1): a low weight means the model trusts that
     * view less for that sample. A row the gate distrusts in some of its views ({@link #distrustedViews})
     * is embedded from the others alone: its weights are 0 on the distrusted views (and on trusted views
     * without a ridge map, when others have one); a row distrusted in every view keeps the network's
     * weights. Uniform (1/V) without a fusion network. Columns follow the model's
     * views ({@link #inputViewNames()}), whatever the order of the views in data.
     */
    public FMatrix viewWeights(MultiViewData data) {
        return forward(data).weights();
    }

    /** Rows scaled to unit length with the normalised Laplacian (Ng, Jordan and Weiss), else the embedding. */
    @Override
    public FMatrix clusteringRows(FMatrix embedding) {
        return typedOptions().normalization().unitRowsForClustering() ? embedding.unitRows() : embedding;
    }

    private FusedForward.Result forward(MultiViewData data) {
        return FusedForward.apply(net, networkInputs(data), gate, heads);
    }

    /** Each view's network input: scaled, then encoded where the view has an autoencoder. */
    private ViewInput[] networkInputs(MultiViewData data) {
        ViewInput[] x = ViewInput.all(pipeline().scaledViews(data));
        if (encoders != null) {
            for (int v = 0; v < x.length; v++) if (encoders.get(v) != null) x[v] = ViewInput.dense(x[v].rowInput().apply(encoders.get(v)));
        }
        return x;
    }

    /**
     * Per view (null for a view without gate) and row, whether the model distrusts that view for the
     * row: its nearest cluster in the view is one no other view supported in training. Such rows are
     * embedded from their other views. Null when the model has no gate (the consistency check was off
     * or marked nothing).
     */
    public boolean[][] distrustedViews(MultiViewData data) {
        return gate == null ? null : gate.distrusted(networkInputs(data));
    }

    /** The orthonormalisation matrix A (a copy). */
    public DMatrix orthoMatrix() {
        return outputMatrix();
    }

    /** SpecRaGE yields no eigenvalue estimates. */
    @Override
    public Optional<double[]> eigenvalues() {
        return Optional.empty();
    }

    public SpecRageOptions specRageOptions() {
        return typedOptions();
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
    protected void saveParts(ModelWriter out) {
        SpecRageOptions options = typedOptions();
        if (encoders != null) {
            List<Object> list = new ArrayList<>();
            for (int v = 0; v < encoders.size(); v++) {
                Mlp e = encoders.get(v);
                list.add(e == null ? null : out.network(e, "encoder" + v + ".", options.autoencoderFor(v).activation(), Activation.IDENTITY));
            }
            out.putNetworks("encoders", list);
        }
        List<Object> views = new ArrayList<>();
        for (int v = 0; v < net.viewCount(); v++) {
            views.add(out.network(net.viewNetworks().get(v), "view" + v + ".", options.network().activation(), options.network().outputActivation()));
        }
        out.putNetworks("views", views);
        if (net.fusionNetwork() != null) out.putNetwork("fusion", net.fusionNetwork(), "fusion.", Activation.RELU, Activation.IDENTITY);
        if (gate != null) ViewGateFiles.write(out, gate, heads);
        out.put("temperature", net.temperature());
        out.put("ortho_matrix", Manifest.matrix(outputMatrix()));
    }

    /** Rebuilds a model from a directory read by {@link ModelDirectory#read}; checks every dimension. */
    public static SpecRageModel load(ModelDirectory.Stored stored) throws ModelFormatException {
        ModelReader in = new ModelReader(stored, METHOD);
        SpecRageOptions options = in.options(values -> SpecRageOptions.fromJson(values, -1));
        InputPipeline pipeline = in.pipeline();
        int[] dims = pipeline.viewDims();
        Manifest networks = in.networks();
        try {
            options.checkViews(dims.length);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the model's options do not fit its " + dims.length + " views: " + e.getMessage());
        }
        List<Mlp> encoders = null;
        int[] netInputs = dims.clone();
        if (!networks.has("encoders")) {
            for (int v = 0; v < dims.length; v++) {
                if (options.autoencoderFor(v) != null) throw new ModelFormatException("view " + v + "'s options ask for an autoencoder but the model has no encoders");
            }
        }
        if (networks.has("encoders")) {
            List<Manifest> list = networks.objectsOrNulls("encoders");
            if (list.size() != dims.length) throw new ModelFormatException("the model has " + list.size() + " encoders for " + dims.length + " views");
            encoders = new ArrayList<>();
            for (int v = 0; v < dims.length; v++) {
                if ((list.get(v) == null) != (options.autoencoderFor(v) == null)) {
                    throw new ModelFormatException("view " + v + (list.get(v) == null ? " has no encoder but its options ask for an autoencoder"
                            : " has an encoder but its options have no autoencoder"));
                }
                if (list.get(v) == null) {
                    encoders.add(null);
                    continue;
                }
                Mlp e = in.network(list.get(v), "encoder" + v + ".");
                if (e.inputSize() != dims[v]) throw new ModelFormatException("encoder " + v + " takes " + e.inputSize() + " columns but view " + v + " has " + dims[v]);
                encoders.add(e);
                netInputs[v] = e.outputSize();
            }
        }
        List<Manifest> viewList = networks.objects("views");
        if (viewList.size() != dims.length) throw new ModelFormatException("the model has " + viewList.size() + " view networks for " + dims.length + " views");
        Manifest m = in.manifest();
        int k = m.smallInt("embedding_dim");
        // the view networks may learn extra columns that the (outputs x k) ortho matrix maps to k
        int outputs = -1;
        List<Mlp> views = new ArrayList<>();
        for (int v = 0; v < dims.length; v++) {
            Mlp net = in.network(viewList.get(v), "view" + v + ".");
            if (net.inputSize() != netInputs[v]) throw new ModelFormatException("view network " + v + " takes " + net.inputSize() + " columns but gets " + netInputs[v]);
            if (outputs < 0) outputs = net.outputSize();
            if (net.outputSize() != outputs || outputs < k) {
                throw new ModelFormatException("view network " + v + " has " + net.outputSize() + " outputs; expected " + Math.max(outputs, k)
                        + " (at least embedding_dim " + k + ", the same for every view)");
            }
            views.add(net);
        }
        Mlp fusion = networks.has("fusion") ? in.network(networks.object("fusion"), "fusion.") : null;
        ViewGateFiles.Read fallback = ViewGateFiles.read(in, netInputs, outputs, options);
        in.requireAllWeightsUsed();
        double temperature = m.number("temperature");
        SpecRageNetwork net;
        try {
            net = new SpecRageNetwork(views, fusion, temperature);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("the model's networks do not fit together: " + e.getMessage());
        }
        DMatrix ortho = ModelFiles.finiteMatrix(m, "ortho_matrix", outputs, k);
        return new SpecRageModel(options, pipeline, encoders, net, fallback == null ? null : fallback.gate(),
                fallback == null ? null : fallback.heads(), ortho, in.centroids(k), in.stages());
    }

    /** Reads a SpecRaGE model directory. */
    public static SpecRageModel load(Path dir) throws IOException {
        return load(ModelDirectory.read(dir));
    }
}
