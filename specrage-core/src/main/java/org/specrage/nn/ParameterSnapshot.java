package org.specrage.nn;

import java.util.ArrayList;
import java.util.List;
import org.specrage.tensor.Tensor;

/**
 * A copy of parameter values, e.g. the best model seen so far under early stopping. Taking a
 * snapshot again reuses the same arrays.
 */
public final class ParameterSnapshot {
    private final List<Tensor> parameters;
    private final List<float[]> copies = new ArrayList<>();

    public ParameterSnapshot(List<Tensor> parameters) {
        this.parameters = List.copyOf(parameters);
        for (Tensor p : this.parameters) copies.add(new float[p.size()]);
        capture();
    }

    /** Copies the current parameter values into the snapshot. */
    public void capture() {
        for (int i = 0; i < parameters.size(); i++) System.arraycopy(parameters.get(i).data(), 0, copies.get(i), 0, copies.get(i).length);
    }

    /** Writes the snapshot's values back into the parameters. */
    public void restore() {
        for (int i = 0; i < parameters.size(); i++) System.arraycopy(copies.get(i), 0, parameters.get(i).data(), 0, copies.get(i).length);
    }
}
