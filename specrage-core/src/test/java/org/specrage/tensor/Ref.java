package org.specrage.tensor;

import java.util.function.DoubleUnaryOperator;
import org.specrage.linalg.DMatrix;

/** Plain double-precision reference implementations for the gradient tests. */
final class Ref {
    private Ref() {
    }

    static DMatrix map(DMatrix a, DoubleUnaryOperator f) {
        DMatrix out = new DMatrix(a.rows, a.cols);
        for (int i = 0; i < out.data.length; i++) out.data[i] = f.applyAsDouble(a.data[i]);
        return out;
    }

    interface Binary {
        double apply(double x, double y);
    }

    /** Element-wise with the broadcasting rules of the engine. */
    static DMatrix zip(DMatrix a, DMatrix b, Binary f) {
        int rows = Math.max(a.rows, b.rows), cols = Math.max(a.cols, b.cols);
        DMatrix out = new DMatrix(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double x = a.get(a.rows == 1 ? 0 : r, a.cols == 1 ? 0 : c);
                double y = b.get(b.rows == 1 ? 0 : r, b.cols == 1 ? 0 : c);
                out.set(r, c, f.apply(x, y));
            }
        }
        return out;
    }

    static DMatrix matmul(DMatrix a, DMatrix b) {
        DMatrix out = new DMatrix(a.rows, b.cols);
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < b.cols; j++) {
                double s = 0;
                for (int k = 0; k < a.cols; k++) s += a.get(i, k) * b.get(k, j);
                out.set(i, j, s);
            }
        }
        return out;
    }

    static DMatrix transpose(DMatrix a) {
        DMatrix out = new DMatrix(a.cols, a.rows);
        for (int i = 0; i < a.rows; i++) for (int j = 0; j < a.cols; j++) out.set(j, i, a.get(i, j));
        return out;
    }

    static DMatrix scalar(double v) {
        return new DMatrix(1, 1, new double[] {v});
    }

    static double sum(DMatrix a) {
        double s = 0;
        for (double v : a.data) s += v;
        return s;
    }

    static double logSumExpRow(DMatrix a, int r) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < a.cols; c++) max = Math.max(max, a.get(r, c));
        double s = 0;
        for (int c = 0; c < a.cols; c++) s += Math.exp(a.get(r, c) - max);
        return max + Math.log(s);
    }
}
