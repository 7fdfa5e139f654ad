package org.specrage.methods.specrage;

import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.tensor.LinalgOps;
import org.specrage.tensor.MatrixOps;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;
import org.specrage.tensor.linalg.Cholesky;
import org.specrage.tensor.linalg.TriangularSolve;

/**
 * TEMPORARY stand-in for methods.common.Orthonormalizer (being written for SpectralNet): deleted
 * once that lands. A = sqrt(m) L^-T with Y~^T Y~ = L L^T.
 */
final class InterimOrthonormalizer {
    private InterimOrthonormalizer() {
    }

    static Tensor onTape(Tape tape, Tensor y) {
        int k = y.cols;
        FMatrix eye = new FMatrix(k, k);
        for (int i = 0; i < k; i++) eye.data[i * k + i] = 1f;
        Tensor lower = LinalgOps.cholesky(MatrixOps.matmul(y, true, y, false), 1e-6);
        return LinalgOps.triangularSolve(lower, tape.input(eye), TriangularSolve.Side.LEFT, true).mul((float) Math.sqrt(y.rows));
    }

    static DMatrix constant(FMatrix y) {
        int m = y.rows, k = y.cols;
        DMatrix g = new DMatrix(k, k);
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < k; i++) {
                double yi = y.data[r * k + i];
                for (int j = 0; j < k; j++) g.data[i * k + j] += yi * y.data[r * k + j];
            }
        }
        DMatrix lower = Cholesky.forward(g, 1e-6);
        DMatrix eye = new DMatrix(k, k);
        for (int i = 0; i < k; i++) eye.data[i * k + i] = 1;
        DMatrix a = TriangularSolve.forward(lower, eye, TriangularSolve.Side.LEFT, true);
        double s = Math.sqrt(m);
        for (int i = 0; i < a.data.length; i++) a.data[i] *= s;
        return a;
    }
}
