package org.specrage.methods.autoencoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.EpochControl;
import org.specrage.methods.common.Inference;
import org.specrage.methods.common.TrainingListener;
import org.specrage.methods.common.TrainingOptions;
import org.specrage.tensor.Tape;

class AutoencoderTest {
    /** 600 rows on a 2-D linear subspace of R^10 plus a little noise. */
    static FMatrix lowRank() {
        SplittableRandom r = new SplittableRandom(4);
        double[][] basis = new double[2][10];
        for (double[] b : basis) for (int c = 0; c < 10; c++) b[c] = r.nextDouble() * 2 - 1;
        FMatrix x = new FMatrix(600, 10);
        for (int i = 0; i < 600; i++) {
            double u = r.nextDouble() * 2 - 1, v = r.nextDouble() * 2 - 1;
            for (int c = 0; c < 10; c++) x.set(i, c, (float) (u * basis[0][c] + v * basis[1][c] + 0.01 * (r.nextDouble() - 0.5)));
        }
        return x;
    }

    @Test
    void learnsATwoDimensionalCode() {
        FMatrix x = lowRank();
        AutoencoderOptions o = AutoencoderOptions.defaults().withHidden(64, 64).withCodeDim(2)
                .withTraining(new TrainingOptions(60, 64, 1e-3, 0.5, 5, 1e-7, 0, 0.1, 5));
        int[] all = new int[600];
        for (int i = 0; i < 600; i++) all[i] = i;
        double variance = 0;
        for (float v : x.data) variance += v * v;
        variance /= x.data.length;
        Autoencoder.Result result = Autoencoder.train(x, o, 3, TrainingListener.NONE);
        double error = Autoencoder.reconstructionError(new Tape(), result.encoder(), result.decoder(), x, all);
        assertTrue(error < 0.02 * variance, "reconstruction error " + error + " vs variance " + variance);
        assertEquals(2, Inference.apply(result.encoder(), x).cols);
        assertTrue(result.summary().bestLoss() <= result.summary().finalLoss() * 1.5 + 1e-6);
    }

    /** A sparse view (word counts) trains as its dense copy: only the first layer's summation order differs. */
    @Test
    void sparseRowsTrainLikeTheirDenseCopy() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(8);
        FMatrix dense = new FMatrix(300, 500);
        for (int i = 0; i < 300; i++) {
            for (int w = 0; w < 12; w++) {
                int word = (i % 2) * 250 + r.nextInt(250);
                dense.set(i, word, dense.get(i, word) + 1);
            }
        }
        org.specrage.methods.common.RowInput sparse = org.specrage.methods.common.RowInput.of(org.specrage.linalg.CsrMatrix.fromDense(dense));
        AutoencoderOptions o = AutoencoderOptions.defaults().withHidden(32).withCodeDim(4)
                .withTraining(new TrainingOptions(3, 64, 1e-3, 0.5, 5, 1e-7, 0, 0.2, 5));
        Autoencoder.Result a = Autoencoder.train(dense, o, 3, TrainingListener.NONE);
        Autoencoder.Result b = Autoencoder.train(sparse, o, 3, TrainingListener.NONE);
        int[] all = new int[300];
        for (int i = 0; i < 300; i++) all[i] = i;
        // one trained network: the same reconstruction error and codes from either form of the rows
        double viaDense = Autoencoder.reconstructionError(new Tape(), b.encoder(), b.decoder(), dense, all);
        double viaSparse = Autoencoder.reconstructionError(new Tape(), b.encoder(), b.decoder(), sparse, all);
        assertEquals(viaDense, viaSparse, 1e-5 * viaDense);
        FMatrix codesDense = Inference.apply(b.encoder(), dense), codesSparse = sparse.apply(b.encoder());
        for (int i = 0; i < codesDense.data.length; i++) assertEquals(codesDense.data[i], codesSparse.data[i], 1e-5f * (1 + Math.abs(codesDense.data[i])));
        // the two runs take the same batches and steps; rounding differences stay small over three epochs
        assertEquals(a.summary().bestLoss(), b.summary().bestLoss(), 1e-3 * a.summary().bestLoss());
        assertEquals(a.summary().epochs(), b.summary().epochs());
    }

    @Test
    void earlyStoppingKeepsTheBestValidationParameters() {
        FMatrix x = lowRank();
        AutoencoderOptions o = AutoencoderOptions.defaults().withHidden(16).withCodeDim(2)
                .withTraining(new TrainingOptions(500, 64, 1e-3, 0.5, 1, 1e-9, 3, 0.2, 5));
        Autoencoder.Result result = Autoencoder.train(x, o, 3, TrainingListener.NONE);
        assertEquals(EpochControl.EARLY_STOPPING, result.summary().stopReason());
        assertTrue(result.summary().epochs() < 500);
    }
}
