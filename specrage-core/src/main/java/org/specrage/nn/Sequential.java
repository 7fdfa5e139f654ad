package org.specrage.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.specrage.tensor.Tensor;

/** Layers applied one after the other; sub-modules are named by their position ("0", "1", ...). */
public final class Sequential extends Layer {
    private final List<Layer> layers = new ArrayList<>();

    public Sequential(List<? extends Layer> layers) {
        for (Layer layer : layers) this.layers.add(addModule(Integer.toString(this.layers.size()), layer));
    }

    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Layer layer : layers) x = layer.forward(x);
        return x;
    }
}
