package org.specrage.linalg;

import dev.ludovic.netlib.blas.BLAS;

/**
 * Row-major entry points to BLAS (native OpenBLAS when installed, pure Java otherwise).
 * BLAS is column-major; a row-major product C = op(A) op(B) is computed as the column-major
 * product C^T = op(B)^T op(A)^T, which needs no copies.
 */
public final class Blas {
    private static final BLAS BLAS_INSTANCE = BLAS.getInstance();

    private Blas() {
    }

    public static BLAS instance() {
        return BLAS_INSTANCE;
    }

    /** The implementation in use, for logs and reports, e.g. "native (dev.ludovic.netlib.blas.JNIBLAS)". */
    public static String implementation() {
        String name = BLAS_INSTANCE.getClass().getName();
        boolean isNative = name.contains("JNI") || name.contains("Native");
        return (isNative ? "native" : "java") + " (" + name + ")";
    }

    public static boolean isNative() {
        return implementation().startsWith("native");
    }

    /**
     * Row-major C = alpha op(A) op(B) + beta C, with op(A) m x k, op(B) k x n, C m x n.
     * lda, ldb, ldc are the row strides of the stored (untransposed) arrays.
     */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k,
                             float alpha, float[] a, int aOffset, int lda,
                             float[] b, int bOffset, int ldb,
                             float beta, float[] c, int cOffset, int ldc) {
        if (m == 0 || n == 0) return;
        BLAS_INSTANCE.sgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k,
                alpha, b, bOffset, ldb, a, aOffset, lda, beta, c, cOffset, ldc);
    }

    /** Row-major C = alpha op(A) op(B) + beta C for whole matrices. */
    public static void sgemm(boolean transA, boolean transB, float alpha, FMatrix a, FMatrix b, float beta, FMatrix c) {
        int m = transA ? a.cols : a.rows;
        int k = transA ? a.rows : a.cols;
        int kb = transB ? b.cols : b.rows;
        int n = transB ? b.rows : b.cols;
        if (k != kb || c.rows != m || c.cols != n) {
            throw new IllegalArgumentException("sgemm shapes: " + m + "x" + k + " * " + kb + "x" + n + " -> " + c.rows + "x" + c.cols);
        }
        sgemm(transA, transB, m, n, k, alpha, a.data, 0, a.cols, b.data, 0, b.cols, beta, c.data, 0, c.cols);
    }

    /** Row-major double version of {@link #sgemm(boolean, boolean, int, int, int, float, float[], int, int, float[], int, int, float, float[], int, int)}. */
    public static void dgemm(boolean transA, boolean transB, int m, int n, int k,
                             double alpha, double[] a, int aOffset, int lda,
                             double[] b, int bOffset, int ldb,
                             double beta, double[] c, int cOffset, int ldc) {
        if (m == 0 || n == 0) return;
        BLAS_INSTANCE.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k,
                alpha, b, bOffset, ldb, a, aOffset, lda, beta, c, cOffset, ldc);
    }

    public static void dgemm(boolean transA, boolean transB, double alpha, DMatrix a, DMatrix b, double beta, DMatrix c) {
        int m = transA ? a.cols : a.rows;
        int k = transA ? a.rows : a.cols;
        int kb = transB ? b.cols : b.rows;
        int n = transB ? b.rows : b.cols;
        if (k != kb || c.rows != m || c.cols != n) {
            throw new IllegalArgumentException("dgemm shapes: " + m + "x" + k + " * " + kb + "x" + n + " -> " + c.rows + "x" + c.cols);
        }
        dgemm(transA, transB, m, n, k, alpha, a.data, 0, a.cols, b.data, 0, b.cols, beta, c.data, 0, c.cols);
    }
}
