package org.specrage.methods.ssl;

import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.tensor.LinalgOps;
import org.specrage.tensor.MatrixOps;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;
import org.specrage.tensor.linalg.Cholesky;
import org.specrage.tensor.linalg.TriangularSolve;

/**
 * SpectralNet's loss on a relation: the batch output is orthonormalised, Y = sqrt(m) Z L^-T with
 * Z^T Z = L L^T (so Y^T Y = m I), and loss = (1/m^2) sum_ij G_ij ||y_i - y_j||^2
 * = (2/m^2) tr(Y^T L_G Y). Its optimum spans the bottom k eigenvectors of L_G, the constant one
 * included ({@link ClosedForms#spectralNetOptimum}). With {@code gradientThroughOrthonormalisation}
 * the gradient also flows through L (as the reference code does); without it L is a constant.
 * A rank-deficient Z fails with the Cholesky's NotPositiveDefiniteException.
 */
public record SpectralNetLoss(boolean gradientThroughOrthonormalisation) implements SslLoss {
    @Override
    public Tensor loss(Tape tape, Tensor z, RelationBatch g) {
        g.checkRows(z);
        int m = z.rows;
        if (z.cols > m) throw new IllegalArgumentException("orthonormalisation needs at least as many rows (" + m + ") as columns (" + z.cols + ")");
        Tensor l = gradientThroughOrthonormalisation
                ? LinalgOps.cholesky(MatrixOps.matmul(z, true, z, false))
                : tape.input(constantCholesky(z));
        Tensor y = LinalgOps.triangularSolve(l, z, TriangularSolve.Side.RIGHT, true).mul((float) Math.sqrt(m));
        return LossTerms.pairSquaredDistances(tape, y, g).mul(1f / ((float) m * m));
    }

    private static FMatrix constantCholesky(Tensor z) {
        DMatrix zd = z.value().toDouble();
        int k = zd.cols;
        DMatrix gram = new DMatrix(k, k);
        for (int i = 0; i < zd.rows; i++) {
            for (int a = 0; a < k; a++) {
                double za = zd.data[i * k + a];
                for (int b = 0; b < k; b++) gram.data[a * k + b] += za * zd.data[i * k + b];
            }
        }
        return Cholesky.forward(gram).toFloat();
    }

    @Override
    public String name() {
        return "spectralnet";
    }
}
