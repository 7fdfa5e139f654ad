package org.specrage.nn;

import org.specrage.tensor.Tensor;

/** A module mapping one tensor (rows = samples) to another. */
public abstract class Layer extends Module {
    /** Records the layer's ops on the input's tape and returns the output. */
    public abstract Tensor forward(Tensor input);
}
