package org.specrage.methods.specrage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.specrage.nn.Activation;
import org.specrage.nn.Init;
import org.specrage.nn.Mlp;
import org.specrage.nn.Module;
import org.specrage.tensor.RowOps;
import org.specrage.tensor.Softmax;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * The trainable part of SpecRaGE: one network g_v per view (input -> hidden -> k, tanh output) and,
 * for learned fusion with two or more views, the fusion network q over the concatenated view inputs
 * (-> hidden ReLU -> V). Per sample, alpha = softmax(q(x) / T) and the fused output is
 * sum_v alpha_v g_v(x_v). Parameters are named "view0.0.weight", ..., "fusion.0.weight", ...
 */
public final class SpecRageNetwork extends Module {
    private final List<Mlp> viewNets;
    private final Mlp fusion;
    private final float inverseTemperature;
    private final int embeddingDim;

    /** The fused output (m x k, before orthonormalisation) and the fusion weights (m x V). */
    public record Output(Tensor fused, Tensor weights) {
    }

    /**
     * @param inputDims     columns of each view's network input
     * @param hidden        hidden sizes of every view network
     * @param activation    activation between the hidden layers of the view networks
     * @param k             output columns
     * @param fusionMode    learned fusion network or uniform weights
     * @param fusionHidden  hidden units of the fusion network
     * @param temperature   softmax temperature T (> 0)
     * @param seeds         one initialisation seed per view network, then one for the fusion network
     */
    public SpecRageNetwork(int[] inputDims, int[] hidden, Activation activation, int k, FusionMode fusionMode,
                           int fusionHidden, double temperature, long[] seeds) {
        if (inputDims.length == 0) throw new IllegalArgumentException("need at least one view");
        if (seeds.length != inputDims.length + 1) throw new IllegalArgumentException("need " + (inputDims.length + 1) + " seeds, got " + seeds.length);
        if (!(temperature > 0 && Double.isFinite(temperature))) throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        List<Mlp> nets = new ArrayList<>();
        int total = 0;
        for (int v = 0; v < inputDims.length; v++) {
            int[] sizes = new int[hidden.length + 2];
            sizes[0] = inputDims[v];
            System.arraycopy(hidden, 0, sizes, 1, hidden.length);
            sizes[sizes.length - 1] = k;
            // Xavier everywhere (close to PyTorch's default Linear init): Kaiming on [0, 1]-scaled inputs
            // saturates the tanh output, and a saturated output is rank-deficient for the orthonormalisation
            nets.add(addModule("view" + v, Mlp.builder(sizes).activation(activation).outputActivation(Activation.TANH)
                    .init(Init.XAVIER_UNIFORM).seed(seeds[v]).build()));
            total += inputDims[v];
        }
        this.viewNets = Collections.unmodifiableList(nets);
        this.fusion = fusionMode == FusionMode.LEARNED && inputDims.length > 1
                ? addModule("fusion", Mlp.builder(total, fusionHidden, inputDims.length).activation(Activation.RELU)
                        .outputActivation(Activation.IDENTITY).seed(seeds[inputDims.length]).build())
                : null;
        this.inverseTemperature = (float) (1.0 / temperature);
        this.embeddingDim = k;
    }

    public int viewCount() {
        return viewNets.size();
    }

    public int embeddingDim() {
        return embeddingDim;
    }

    /** True when weights come from a fusion network (learned fusion and at least two views). */
    public boolean hasFusionNetwork() {
        return fusion != null;
    }

    public List<Mlp> viewNetworks() {
        return viewNets;
    }

    /** The fusion network, or null. */
    public Mlp fusionNetwork() {
        return fusion;
    }

    /** Records the forward pass of a batch given each view's network input (all with the same rows). */
    public Output forward(Tape tape, Tensor[] inputs) {
        if (inputs.length != viewNets.size()) throw new IllegalArgumentException(inputs.length + " inputs for " + viewNets.size() + " views");
        Tensor weights = weights(tape, inputs);
        Tensor fused = null;
        for (int v = 0; v < inputs.length; v++) {
            Tensor y = viewNets.get(v).forward(inputs[v]);
            Tensor term = inputs.length == 1 ? y : y.mul(RowOps.sliceCols(weights, v, v + 1));
            fused = fused == null ? term : fused.add(term);
        }
        return new Output(fused, weights);
    }

    /** The fusion weights alone (m x V); rows sum to 1. */
    public Tensor weights(Tape tape, Tensor[] inputs) {
        int m = inputs[0].rows;
        int views = viewNets.size();
        if (fusion == null) return tape.full(m, views, 1f / views);
        Tensor logits = fusion.forward(RowOps.hconcat(inputs));
        return Softmax.rowSoftmax(logits.mul(inverseTemperature));
    }
}
