package org.specrage.methods.ssl;

import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * A self-supervised loss on a batch embedding Z (m x k, one row per batch row) and the relation
 * G among those rows; differentiable with respect to Z, so a trainer can swap losses freely.
 */
public interface SslLoss {
    /** Records the loss on the tape and returns it as a 1 x 1 tensor. */
    Tensor loss(Tape tape, Tensor z, RelationBatch g);

    /** Short name for reports ("vicreg", "simclr", "barlow", "spectralnet"). */
    String name();
}
