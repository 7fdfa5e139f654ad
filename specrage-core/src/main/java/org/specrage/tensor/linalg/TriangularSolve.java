package org.specrage.tensor.linalg;

import org.specrage.linalg.DMatrix;

/**
 * Solves with a lower-triangular k x k matrix L: op(L) X = B (side LEFT, B is k x n) or X op(L) = B
 * (side RIGHT, B is n x k), where op(L) is L or L^T. Only the lower triangle of L (with diagonal) is
 * read; its strict upper triangle is ignored, and the gradient there is zero.
 * <p>
 * SpectralNet's orthonormalisation Y~ L^-T is {@code forward(L, Y~, Side.RIGHT, true)}.
 * <p>
 * Backward (standard, e.g. Giles 2008, "Collected matrix derivative results"): for op(L) X = B,
 * dB = op(L)^-T dX and d op(L) = -dB X^T; for X op(L) = B, dB = dX op(L)^-T and d op(L) = -X^T dB;
 * dL is the lower triangle of d op(L) (transposed when op is the transpose).
 */
public final class TriangularSolve {
    /** Which side of X the triangular matrix multiplies. */
    public enum Side { LEFT, RIGHT }

    /** Gradients with respect to L (lower-triangular, strict upper part zero) and B. */
    public record Gradients(DMatrix dL, DMatrix dB) {
    }

    private TriangularSolve() {
    }

    /** X with op(L) X = B (LEFT) or X op(L) = B (RIGHT); op(L) = L^T when transposeL. */
    public static DMatrix forward(DMatrix l, DMatrix b, Side side, boolean transposeL) {
        Dense.requireSquare("L", l);
        int k = l.rows;
        if (side == Side.LEFT && b.rows != k) {
            throw new IllegalArgumentException("B must have " + k + " rows to solve with L on the left, got " + b.rows + " x " + b.cols);
        }
        if (side == Side.RIGHT && b.cols != k) {
            throw new IllegalArgumentException("B must have " + k + " columns to solve with L on the right, got " + b.rows + " x " + b.cols);
        }
        for (int i = 0; i < k; i++) {
            double d = l.data[i * k + i];
            if (d == 0 || !Double.isFinite(d)) {
                throw new SingularMatrixException("triangular matrix L has diagonal entry " + d + " at index " + i);
            }
        }
        DMatrix x = b.copy();
        if (side == Side.LEFT) {
            if (transposeL) solveUpperLeftInPlace(l, x);
            else solveLowerLeftInPlace(l, x);
        } else {
            if (transposeL) solveRightTransposedInPlace(l, x);
            else solveRightInPlace(l, x);
        }
        return x;
    }

    /** Vector-Jacobian product: given L, forward's result X and dX, the gradients for L and B. */
    public static Gradients backward(DMatrix l, DMatrix x, DMatrix dX, Side side, boolean transposeL) {
        if (dX == null) return new Gradients(new DMatrix(l.rows, l.cols), new DMatrix(x.rows, x.cols));
        Dense.requireShape("dX", dX, x.rows, x.cols);
        DMatrix dB = forward(l, dX, side, !transposeL);
        DMatrix dOpL = side == Side.LEFT
                ? Dense.multiply(dB, false, x, true)      // dB X^T
                : Dense.multiply(x, true, dB, false);     // X^T dB
        Dense.scaleInPlace(dOpL, -1.0);
        DMatrix dL = Dense.lower(transposeL ? Dense.transpose(dOpL) : dOpL);
        return new Gradients(dL, dB);
    }

    // L X = B, forward substitution on whole rows of X.
    private static void solveLowerLeftInPlace(DMatrix l, DMatrix x) {
        int k = l.rows, n = x.cols;
        double[] xd = x.data;
        for (int i = 0; i < k; i++) {
            int row = i * n;
            for (int j = 0; j < i; j++) {
                double lij = l.data[i * k + j];
                if (lij == 0) continue;
                int other = j * n;
                for (int c = 0; c < n; c++) xd[row + c] -= lij * xd[other + c];
            }
            double inv = 1.0 / l.data[i * k + i];
            for (int c = 0; c < n; c++) xd[row + c] *= inv;
        }
    }

    // L^T X = B, back substitution: (L^T)_ij = L_ji for j > i.
    private static void solveUpperLeftInPlace(DMatrix l, DMatrix x) {
        int k = l.rows, n = x.cols;
        double[] xd = x.data;
        for (int i = k - 1; i >= 0; i--) {
            int row = i * n;
            for (int j = i + 1; j < k; j++) {
                double lji = l.data[j * k + i];
                if (lji == 0) continue;
                int other = j * n;
                for (int c = 0; c < n; c++) xd[row + c] -= lji * xd[other + c];
            }
            double inv = 1.0 / l.data[i * k + i];
            for (int c = 0; c < n; c++) xd[row + c] *= inv;
        }
    }

    // x L = b for every row x: x_i = (b_i - sum_{j>i} x_j L_ji) / L_ii, from the last entry backwards.
    private static void solveRightInPlace(DMatrix l, DMatrix x) {
        int k = l.rows;
        double[] xd = x.data;
        for (int r = 0; r < x.rows; r++) {
            int row = r * k;
            for (int i = k - 1; i >= 0; i--) {
                double s = xd[row + i];
                for (int j = i + 1; j < k; j++) s -= xd[row + j] * l.data[j * k + i];
                xd[row + i] = s / l.data[i * k + i];
            }
        }
    }

    // x L^T = b for every row x: x_i = (b_i - sum_{j<i} L_ij x_j) / L_ii, from the first entry forwards.
    private static void solveRightTransposedInPlace(DMatrix l, DMatrix x) {
        int k = l.rows;
        double[] xd = x.data;
        for (int r = 0; r < x.rows; r++) {
            int row = r * k;
            for (int i = 0; i < k; i++) {
                double s = xd[row + i];
                int li = i * k;
                for (int j = 0; j < i; j++) s -= l.data[li + j] * xd[row + j];
                xd[row + i] = s / l.data[li + i];
            }
        }
    }
}
