package org.specrage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.specrage.metrics.ClusteringMetrics;

class ReportsTest {
    @Test
    void aScoreThatRoundsToZeroHasNoMinusSign() {
        assertEquals("ACC 0.5000  NMI 0.0000  ARI 0.0000  purity 0.5000",
                Reports.scores(new ClusteringMetrics.Scores(0.5, 1e-9, -0.00001, 0.5)));
        assertEquals("ACC 0.5000  NMI 0.0100  ARI -0.0123  purity 0.5000",
                Reports.scores(new ClusteringMetrics.Scores(0.5, 0.01, -0.0123, 0.5)));
    }
}
