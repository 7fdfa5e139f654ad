package org.specrage.eigen;

import org.specrage.linalg.DMatrix;

/**
 * Fixes the arbitrary sign of eigenvectors: each column is flipped so that its entry of largest
 * absolute value is positive. Entries within a relative {@link #TIE_TOLERANCE} of the largest count
 * as tied and the first of them decides, so mirror-symmetric vectors get the same sign from every
 * solver despite rounding.
 */
public final class SignConvention {
    public static final double TIE_TOLERANCE = 1e-6;

    private SignConvention() {
    }

    /** Applies the convention to every column of vectors, in place. */
    public static void apply(DMatrix vectors) {
        int n = vectors.rows, k = vectors.cols;
        double[] a = vectors.data;
        for (int j = 0; j < k; j++) {
            double max = 0;
            for (int i = 0; i < n; i++) max = Math.max(max, Math.abs(a[i * k + j]));
            if (max == 0) continue;
            double threshold = max * (1 - TIE_TOLERANCE);
            int pivot = 0;
            while (Math.abs(a[pivot * k + j]) < threshold) pivot++;
            if (a[pivot * k + j] < 0) {
                for (int i = 0; i < n; i++) a[i * k + j] = -a[i * k + j];
            }
        }
    }
}
