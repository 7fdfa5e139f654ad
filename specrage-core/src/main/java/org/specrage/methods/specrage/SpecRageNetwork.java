package org.specrage.methods.specrage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.specrage.methods.common.NetworkSpec;
import org.specrage.nn.Activation;
import org.specrage.nn.Init;
import org.specrage.nn.Mlp;
import org.specrage.nn.Module;
import org.specrage.tensor.RowOps;
import org.specrage.tensor.Softmax;
import org.specrage.tensor.SparseRows;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * The trainable part of SpecRaGE: one network g_v per view (input -> hidden -> k) and, for learned
 * fusion with two or more views, the fusion network q over the concatenated view inputs
 * (-> hidden ReLU -> V). Per sample, alpha = softmax(q(x) / T) and the fused output is
 * sum_v alpha_v g_v(x_v). Parameters are named "view0.0.weight", ..., "fusion.0.weight", ...
 */
public final class SpecRageNetwork extends Module {
    private final List<Mlp> viewNets;
    private final Mlp fusion;
    private final double temperature;
    private final float inverseTemperature;
    private final int embeddingDim;

    /** The fused output (m x k, before orthonormalisation), the fusion weights (m x V) and each view network's output. */
    public record Output(Tensor fused, Tensor weights, Tensor[] views) {
    }

    /**
     * Assembles trained or freshly built networks: all view networks map to the same k columns;
     * the fusion network (null for uniform weights) maps the joined inputs to V logits.
     */
    public SpecRageNetwork(List<Mlp> viewNets, Mlp fusion, double temperature) {
        if (viewNets.isEmpty()) throw new IllegalArgumentException("need at least one view network");
        if (!(temperature > 0 && Double.isFinite(temperature))) throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        int k = viewNets.get(0).outputSize();
        int total = 0;
        for (int v = 0; v < viewNets.size(); v++) {
            Mlp net = viewNets.get(v);
            if (net.outputSize() != k) throw new IllegalArgumentException("view network " + v + " has " + net.outputSize() + " outputs, view 0 has " + k);
            total += net.inputSize();
            addModule("view" + v, net);
        }
        if (fusion != null) {
            if (fusion.inputSize() != total || fusion.outputSize() != viewNets.size()) {
                throw new IllegalArgumentException("the fusion network maps " + fusion.inputSize() + " -> " + fusion.outputSize()
                        + " but the views need " + total + " -> " + viewNets.size());
            }
            addModule("fusion", fusion);
        }
        this.viewNets = Collections.unmodifiableList(new ArrayList<>(viewNets));
        this.fusion = fusion;
        this.temperature = temperature;
        this.inverseTemperature = (float) (1.0 / temperature);
        this.embeddingDim = k;
    }

    /**
     * Fresh networks for views with the given input columns. View networks use Xavier initialisation
     * (close to PyTorch's default): Kaiming on [0, 1]-scaled inputs saturates the tanh output, and a
     * saturated output is rank-deficient for the orthonormalisation.
     *
     * @param seeds one initialisation seed per view network, then one for the fusion network
     */
    public static SpecRageNetwork create(int[] inputDims, NetworkSpec spec, int k, FusionMode fusionMode, int fusionHidden,
                                         double temperature, long[] seeds) {
        if (seeds.length != inputDims.length + 1) throw new IllegalArgumentException("need " + (inputDims.length + 1) + " seeds, got " + seeds.length);
        List<Mlp> nets = new ArrayList<>();
        int total = 0;
        for (int v = 0; v < inputDims.length; v++) {
            nets.add(Mlp.builder(spec.sizes(inputDims[v], k)).activation(spec.activation()).outputActivation(spec.outputActivation())
                    .init(Init.XAVIER_UNIFORM).seed(seeds[v]).build());
            total += inputDims[v];
        }
        Mlp fusion = fusionMode == FusionMode.LEARNED && inputDims.length > 1
                ? fusionNetwork(total, fusionHidden, inputDims.length).seed(seeds[inputDims.length]).build()
                : null;
        return new SpecRageNetwork(nets, fusion, temperature);
    }

    /** The fusion network's shape: joined inputs -> hidden (ReLU) -> one logit per view. */
    static Mlp.Builder fusionNetwork(int inputs, int hidden, int views) {
        return Mlp.builder(inputs, hidden, views).activation(Activation.RELU).outputActivation(Activation.IDENTITY);
    }

    public int viewCount() {
        return viewNets.size();
    }

    public int embeddingDim() {
        return embeddingDim;
    }

    public double temperature() {
        return temperature;
    }

    public List<Mlp> viewNetworks() {
        return viewNets;
    }

    /** The fusion network, or null for uniform weights. */
    public Mlp fusionNetwork() {
        return fusion;
    }

    /** Records the forward pass of a batch given each view's network input (all with the same rows). */
    public Output forward(Tape tape, Tensor[] inputs) {
        return forward(tape, denseBatches(inputs), null);
    }

    /**
     * As {@link #forward(Tape, Tensor[])} with dense or sparse view batches; joinedBuffer (null: a
     * new one) holds the fusion network's joined input when a view is sparse.
     */
    Output forward(Tape tape, ViewBatch[] inputs, SparseRows joinedBuffer) {
        if (inputs.length != viewNets.size()) throw new IllegalArgumentException(inputs.length + " inputs for " + viewNets.size() + " views");
        Tensor weights = weights(tape, inputs, joinedBuffer);
        Tensor fused = null;
        Tensor[] views = new Tensor[inputs.length];
        for (int v = 0; v < inputs.length; v++) {
            Mlp net = viewNets.get(v);
            Tensor y = inputs[v].through(net, tape);
            views[v] = y;
            Tensor term = inputs.length == 1 ? y : y.mul(RowOps.sliceCols(weights, v, v + 1));
            fused = fused == null ? term : fused.add(term);
        }
        return new Output(fused, weights, views);
    }

    /** The fusion weights alone (m x V); rows sum to 1. */
    public Tensor weights(Tape tape, Tensor[] inputs) {
        return weights(tape, denseBatches(inputs), null);
    }

    private static ViewBatch[] denseBatches(Tensor[] inputs) {
        ViewBatch[] batches = new ViewBatch[inputs.length];
        for (int v = 0; v < inputs.length; v++) batches[v] = ViewBatch.of(inputs[v]);
        return batches;
    }

    private Tensor weights(Tape tape, ViewBatch[] inputs, SparseRows joinedBuffer) {
        int m = inputs[0].rows();
        int views = viewNets.size();
        if (fusion == null) return tape.full(m, views, 1f / views);
        Tensor logits;
        boolean anySparse = false;
        for (ViewBatch b : inputs) anySparse |= b.sparse() != null;
        if (!anySparse) {
            Tensor[] dense = new Tensor[inputs.length];
            for (int v = 0; v < inputs.length; v++) dense[v] = inputs[v].dense();
            logits = fusion.forward(inputs.length == 1 ? dense[0] : RowOps.hconcat(dense));
        } else {
            logits = fusion.forward(tape, joined(inputs, joinedBuffer));
        }
        return Softmax.rowSoftmax(logits.mul(inverseTemperature));
    }

    /** The views side by side as one sparse batch (a dense view's zeros dropped). */
    private SparseRows joined(ViewBatch[] inputs, SparseRows buffer) {
        int total = 0;
        for (ViewBatch b : inputs) total += b.cols();
        SparseRows out = buffer != null && buffer.cols() == total ? buffer : new SparseRows(total);
        out.clear();
        int m = inputs[0].rows();
        for (int r = 0; r < m; r++) {
            int shift = 0;
            for (ViewBatch b : inputs) {
                if (b.sparse() != null) out.putRow(b.sparse(), r, shift);
                else out.putDense(b.dense().data(), r * b.cols(), b.cols(), shift);
                shift += b.cols();
            }
            out.endRow();
        }
        return out;
    }
}
