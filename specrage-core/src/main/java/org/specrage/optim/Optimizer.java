package org.specrage.optim;

import java.util.List;
import org.specrage.tensor.Tensor;

/** Updates parameters from their gradients. */
public interface Optimizer {
    /** One update from the current gradients. */
    void step();

    /** Marks all parameter gradients as zero (cheap: no array is touched). */
    default void zeroGrad() {
        for (Tensor p : parameters()) p.zeroGrad();
    }

    List<Tensor> parameters();

    double learningRate();

    void setLearningRate(double learningRate);
}
