package org.specrage.graph;

import org.specrage.linalg.CsrMatrix;

/**
 * Graph Laplacians of a symmetric non-negative affinity W, as sparse matrices. D = diag(W 1).
 * Isolated points (degree 0) get D^-1/2 = 0, so their rows of the normalised forms are the identity.
 */
public final class Laplacian {
    private Laplacian() {
    }

    public static double[] degrees(CsrMatrix w) {
        return w.rowSums();
    }

    /** L = D - W. */
    public static CsrMatrix unnormalized(CsrMatrix w) {
        double[] d = degrees(w);
        return identityPlus(w, d, (i, j, v) -> -v);
    }

    /** L_sym = I - D^-1/2 W D^-1/2. */
    public static CsrMatrix symmetricNormalized(CsrMatrix w) {
        double[] s = inverseSqrtDegrees(w);
        return identityPlus(w, null, (i, j, v) -> -v * s[i] * s[j]);
    }

    /** L_rw = I - D^-1 W (not symmetric). */
    public static CsrMatrix randomWalk(CsrMatrix w) {
        double[] d = degrees(w);
        return identityPlus(w, null, (i, j, v) -> d[i] > 0 ? -v / d[i] : 0.0);
    }

    /** N = D^-1/2 W D^-1/2, whose top eigenvectors are the bottom eigenvectors of L_sym (lambda_L = 1 - lambda_N). */
    public static CsrMatrix normalizedAdjacency(CsrMatrix w) {
        double[] s = inverseSqrtDegrees(w);
        double[] values = new double[w.nnz()];
        for (int i = 0; i < w.rows; i++) {
            for (int p = w.rowStart[i]; p < w.rowStart[i + 1]; p++) values[p] = w.values[p] * s[i] * s[w.colIndex[p]];
        }
        return new CsrMatrix(w.rows, w.cols, w.rowStart.clone(), w.colIndex.clone(), values);
    }

    public static double[] inverseSqrtDegrees(CsrMatrix w) {
        double[] d = degrees(w);
        double[] s = new double[d.length];
        for (int i = 0; i < d.length; i++) s[i] = d[i] > 0 ? 1.0 / Math.sqrt(d[i]) : 0.0;
        return s;
    }

    private interface EntryMap {
        double apply(int i, int j, double w);
    }

    /** diag + off-diagonal map of W; diagonal = given degrees, or 1 (normalised forms). */
    private static CsrMatrix identityPlus(CsrMatrix w, double[] diagonal, EntryMap offDiagonal) {
        int n = w.rows;
        int[] rows = new int[w.nnz() + n];
        int[] cols = new int[rows.length];
        double[] vals = new double[rows.length];
        int t = 0;
        for (int i = 0; i < n; i++) {
            rows[t] = i;
            cols[t] = i;
            vals[t++] = diagonal != null ? diagonal[i] : 1.0;
            for (int p = w.rowStart[i]; p < w.rowStart[i + 1]; p++) {
                rows[t] = i;
                cols[t] = w.colIndex[p];
                vals[t++] = offDiagonal.apply(i, w.colIndex[p], w.values[p]);
            }
        }
        return CsrMatrix.fromTriplets(n, n, rows, cols, vals, t);
    }
}
