package org.specrage.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.specrage.tensor.SparseRows;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * Multi-layer perceptron: linear layers of the given sizes with one activation between them and
 * an output activation after the last. Linear layer i is the sub-module "i" (parameters
 * "i.weight", "i.bias"). Built with {@link #builder(int...)}.
 */
public final class Mlp extends Layer {
    private final int[] sizes;
    private final List<Linear> linears;
    private final Activation activation;
    private final Activation outputActivation;

    private Mlp(Builder b) {
        this.sizes = b.sizes.clone();
        this.activation = b.activation;
        this.outputActivation = b.outputActivation;
        SplittableRandom random = new SplittableRandom(b.seed);
        List<Linear> list = new ArrayList<>();
        for (int i = 0; i + 1 < sizes.length; i++) {
            boolean last = i + 2 == sizes.length;
            Init init = b.init != null ? b.init : (last ? outputActivation : activation).defaultInit();
            list.add(addModule(Integer.toString(i), new Linear(sizes[i], sizes[i + 1], b.bias, init, random)));
        }
        this.linears = Collections.unmodifiableList(list);
    }

    /** Layer sizes from input to output, e.g. builder(784, 1024, 10); at least two sizes. */
    public static Builder builder(int... sizes) {
        return new Builder(sizes);
    }

    @Override
    public Tensor forward(Tensor input) {
        return rest(linears.get(0).forward(input));
    }

    /** The network on a constant sparse batch (a bag-of-words view): the first layer costs nnz x width. */
    public Tensor forward(Tape tape, SparseRows input) {
        return rest(linears.get(0).forward(tape, input));
    }

    /** The layers after the first linear one, given its output. */
    private Tensor rest(Tensor firstLinear) {
        Tensor x = firstLinear;
        for (int i = 0; i < linears.size(); i++) {
            if (i > 0) x = linears.get(i).forward(x);
            x = (i + 1 == linears.size() ? outputActivation : activation).apply(x);
        }
        return x;
    }

    public int[] sizes() {
        return sizes.clone();
    }

    public List<Linear> linears() {
        return linears;
    }

    public int inputSize() {
        return sizes[0];
    }

    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    @Override
    public String toString() {
        return "Mlp" + Arrays.toString(sizes) + " " + activation + " -> " + outputActivation;
    }

    /** Options for {@link Mlp}; defaults: ReLU between layers, identity output, biases, seed 0. */
    public static final class Builder {
        private final int[] sizes;
        private Activation activation = Activation.RELU;
        private Activation outputActivation = Activation.IDENTITY;
        private Init init;
        private boolean bias = true;
        private long seed;

        private Builder(int[] sizes) {
            if (sizes.length < 2) throw new IllegalArgumentException("an MLP needs at least an input and an output size");
            for (int s : sizes) if (s < 1) throw new IllegalArgumentException("layer sizes must be positive: " + Arrays.toString(sizes));
            this.sizes = sizes.clone();
        }

        public Builder activation(Activation a) {
            this.activation = a;
            return this;
        }

        public Builder outputActivation(Activation a) {
            this.outputActivation = a;
            return this;
        }

        /** One initialisation for all layers (default: Kaiming before ReLU-like activations, Xavier otherwise). */
        public Builder init(Init init) {
            this.init = init;
            return this;
        }

        public Builder bias(boolean bias) {
            this.bias = bias;
            return this;
        }

        /** Seed of the weight initialisation. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Mlp build() {
            return new Mlp(this);
        }
    }
}
