package org.specrage.methods.common;

import org.specrage.nn.Mlp;

/** A network and the summary of the stage that trained it. */
public record TrainedNetwork(Mlp network, StageSummary summary) {
}
