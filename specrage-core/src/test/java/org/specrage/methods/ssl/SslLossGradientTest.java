package org.specrage.methods.ssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.tensor.GradientCheck;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * Each loss against an independent double implementation: forward value and gradient (central
 * differences in double), with the float32 tolerance of {@link GradientCheck}.
 */
class SslLossGradientTest {
    /** A small weighted relation on 8 rows with one isolated row (row 7). */
    private static CsrMatrix smallGraph() {
        return Relations.fromEdges(8, new int[] {0, 0, 1, 2, 3, 4, 5, 2}, new int[] {1, 2, 3, 3, 4, 5, 6, 6},
                new double[] {1.0, 0.5, 2.0, 1.5, 0.25, 1.0, 0.75, 0.3});
    }

    @Test
    void vicregMatchesReferenceWithHingeActiveAndInactive() {
        CsrMatrix g = smallGraph();
        RelationBatch batch = RelationBatch.of(g);
        FMatrix z = GradientCheck.random(8, 3, -1, 1, 1);
        for (int i = 0; i < 8; i++) z.set(i, 2, z.get(i, 2) * 4f); // column 2: std above 1, hinge off
        VicRegLoss loss = new VicRegLoss(2.0, 0.7, 1.3, 1e-4);
        LossGradientCheck.check(z, loss, batch, x -> LossReference.vicreg(x, g, 2.0, 0.7, 1.3, 1e-4), 1e-5, 1e-5);
    }

    @Test
    void infoNceMatchesReference() {
        CsrMatrix g = smallGraph();
        RelationBatch batch = RelationBatch.of(g);
        FMatrix z = GradientCheck.random(8, 4, -1, 1, 2);
        InfoNceLoss loss = new InfoNceLoss(0.5);
        LossGradientCheck.check(z, loss, batch, x -> LossReference.infoNce(x, g, 0.5), 1e-5, 1e-5);
    }

    @Test
    void infoNceOnTwoViewsIsNtXent() {
        // With one positive per row the target rows are one-hot: the loss is NT-Xent.
        RelationBatch batch = RelationBatch.views(5, 2);
        CsrMatrix g = Relations.views(5, 2);
        FMatrix z = GradientCheck.random(10, 3, -1, 1, 3);
        InfoNceLoss loss = new InfoNceLoss(0.2);
        LossGradientCheck.check(z, loss, batch, x -> ntXent(x, 0.2), 1e-5, 1e-5);
    }

    /** NT-Xent written the SimCLR way: anchor i's positive is its other view i +- b. */
    private static double ntXent(DMatrix z, double tau) {
        int m = z.rows, b = m / 2;
        double[][] u = new double[m][];
        for (int i = 0; i < m; i++) {
            double n = 0;
            for (int c = 0; c < z.cols; c++) n += z.get(i, c) * z.get(i, c);
            u[i] = new double[z.cols];
            for (int c = 0; c < z.cols; c++) u[i][c] = z.get(i, c) / Math.sqrt(n);
        }
        double total = 0;
        for (int i = 0; i < m; i++) {
            int pos = i < b ? i + b : i - b;
            double denominator = 0, positive = 0;
            for (int j = 0; j < m; j++) {
                if (j == i) continue;
                double s = 0;
                for (int c = 0; c < z.cols; c++) s += u[i][c] * u[j][c];
                denominator += Math.exp(s / tau);
                if (j == pos) positive = s / tau;
            }
            total += -(positive - Math.log(denominator));
        }
        return total / m;
    }

    @Test
    void barlowTwinsTwoViewsMatchesReference() {
        RelationBatch batch = RelationBatch.views(6, 2);
        FMatrix z = GradientCheck.random(12, 3, -1, 1, 4);
        BarlowTwinsLoss loss = new BarlowTwinsLoss(0.3, 1e-5);
        LossGradientCheck.check(z, loss, batch, x -> LossReference.barlowTwoViews(x, 0.3, 1e-5), 1e-5, 1e-5);
    }

    @Test
    void barlowTwinsRelationFormMatchesReference() {
        CsrMatrix g = smallGraph();
        RelationBatch batch = RelationBatch.of(g);
        FMatrix z = GradientCheck.random(8, 3, -1, 1, 5);
        BarlowTwinsLoss loss = new BarlowTwinsLoss(0.3, 1e-5);
        LossGradientCheck.check(z, loss, batch, x -> LossReference.barlowRelation(x, g, 0.3, 1e-5), 1e-5, 1e-5);
    }

    @Test
    void spectralNetMatchesReferenceWithGradientThroughOrthonormalisation() {
        CsrMatrix g = smallGraph();
        RelationBatch batch = RelationBatch.of(g);
        FMatrix z = GradientCheck.random(8, 3, -1, 1, 6);
        SpectralNetLoss loss = new SpectralNetLoss(true);
        LossGradientCheck.check(z, loss, batch, x -> LossReference.spectralNet(x, g, LossReference.gramCholesky(x)), 1e-5, 1e-5);
    }

    @Test
    void spectralNetWithConstantOrthonormalisationHoldsTheFactorFixed() {
        CsrMatrix g = smallGraph();
        RelationBatch batch = RelationBatch.of(g);
        FMatrix z = GradientCheck.random(8, 3, -1, 1, 7);
        double[][] fixed = LossReference.gramCholesky(z.toDouble());
        SpectralNetLoss loss = new SpectralNetLoss(false);
        LossGradientCheck.check(z, loss, batch, x -> LossReference.spectralNet(x, g, fixed), 1e-5, 1e-5);
    }

    @Test
    void vicregInvarianceIsTwiceTheLaplacianTrace() {
        // (gamma/N) sum_ij G_ij ||z_i - z_j||^2 = (2 gamma/N) tr(Z^T L Z): check with alpha = beta = 0.
        CsrMatrix g = smallGraph();
        FMatrix z = GradientCheck.random(8, 2, -1, 1, 8);
        Tape tape = new Tape();
        float value = new VicRegLoss(0, 0, 1).loss(tape, tape.input(z), RelationBatch.of(g)).item();
        double[] deg = g.rowSums();
        double trace = 0;
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 8; i++) {
                double lz = deg[i] * z.get(i, c);
                for (int p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) lz -= g.values[p] * z.get(g.colIndex[p], c);
                trace += z.get(i, c) * lz;
            }
        }
        assertEquals(2 * trace / 8, value, 1e-5 * Math.abs(value));
    }

    @Test
    void lossesRejectMismatchedBatches() {
        Tape tape = new Tape();
        Tensor z = tape.input(new FMatrix(5, 2));
        RelationBatch batch = RelationBatch.views(3, 2);
        assertThrows(IllegalArgumentException.class, () -> new VicRegLoss(1, 1, 1).loss(tape, z, batch));
        assertThrows(IllegalArgumentException.class, () -> new InfoNceLoss(0));
        assertThrows(IllegalArgumentException.class, () -> new BarlowTwinsLoss(-1));
    }
}
