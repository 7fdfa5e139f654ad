package org.specrage.methods.specnet2;

import org.specrage.eigen.SignConvention;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.TrainingFailedException;
import org.specrage.tensor.linalg.GeneralizedSymmetricEigen;
import org.specrage.tensor.linalg.NotPositiveDefiniteException;

/**
 * SpecNet2's recovery of eigenvectors and eigenvalues from the span of the network output Z
 * (Rayleigh-Ritz): A = Z^T W~ Z, B = Z^T D Z, A c = lambda B c with C^T B C = I. The Ritz vectors
 * U = sqrt(vol) Z C satisfy U^T D U = vol I on the training graph and the Ritz values approximate
 * the top non-trivial eigenvalues of W v = lambda D v; the same C maps new rows' outputs.
 */
final class RayleighRitz {
    /** Eigenvalues, largest first, and the recovery matrix R = sqrt(vol) C (columns in the same order). */
    record Result(double[] eigenvalues, DMatrix recovery) {
    }

    private RayleighRitz() {
    }

    static Result solve(SpecNet2Graph graph, FMatrix z) {
        int k = z.cols;
        DMatrix[] ab = graph.ritzMatrices(z);
        GeneralizedSymmetricEigen.Result r;
        try {
            r = GeneralizedSymmetricEigen.forward(ab[0], ab[1]);
        } catch (NotPositiveDefiniteException e) {
            throw new TrainingFailedException("SpecNet2: the network output on the training set is rank-deficient (Z^T D Z is singular: "
                    + e.getMessage() + "), so its eigenvectors cannot be recovered. Try fewer eigenvectors, a lower learning rate or more epochs.");
        }
        double scale = Math.sqrt(graph.volume);
        double[] values = new double[k];
        DMatrix recovery = new DMatrix(k, k);
        for (int j = 0; j < k; j++) {
            int source = k - 1 - j; // descending
            values[j] = r.values()[source];
            for (int i = 0; i < k; i++) recovery.data[i * k + j] = scale * r.vectors().data[i * k + source];
        }
        canonicalSigns(z, recovery);
        return new Result(values, recovery);
    }

    /** Flips columns of R so that every column of Z R follows {@link SignConvention} on the training rows. */
    static void canonicalSigns(FMatrix z, DMatrix recovery) {
        int n = z.rows, k = z.cols;
        DMatrix u = new DMatrix(n, k);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s += z.data[i * k + p] * recovery.data[p * k + j];
                u.data[i * k + j] = s;
            }
        }
        DMatrix signed = u.copy();
        SignConvention.apply(signed);
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < n; i++) {
                double v = u.data[i * k + j];
                if (v == 0) continue;
                if (signed.data[i * k + j] == -v) {
                    for (int p = 0; p < k; p++) recovery.data[p * k + j] = -recovery.data[p * k + j];
                }
                break;
            }
        }
    }
}
