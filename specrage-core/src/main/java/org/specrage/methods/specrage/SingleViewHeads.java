package org.specrage.methods.specrage;

import org.specrage.eigen.DenseSymmetricEigen;
import org.specrage.eigen.EigenResult;
import org.specrage.linalg.Blas;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.nn.Activation;
import org.specrage.nn.Linear;
import org.specrage.nn.Mlp;

/**
 * Per view, a ridge regression from the view's network input to the fused output Y~, fitted on the
 * training rows that every view supports. It embeds a row from that view alone when the
 * {@link ViewGate} distrusts the row's other views. A view network trained inside the joint loss
 * fits its training rows almost exactly and generalises worse than this linear map (BDGP image view:
 * rows with a contaminated text view are clustered 0.79 from the view network, 0.85 from the ridge map).
 *
 * <p>The ridge strength is chosen by generalised cross-validation over a grid relative to the mean
 * eigenvalue of the centred Gram matrix, all from one eigendecomposition (d x d in double).
 */
final class SingleViewHeads {
    /** Wider views get no head (the Gram matrix, LAPACK's copy and the eigenvectors peak near 32 d^2 bytes). */
    static final int MAX_COLUMNS = 3072;
    /** Ridge strengths tried: the mean eigenvalue times 10^(j/2), j = GRID_FROM..GRID_TO. */
    static final int GRID_FROM = -6, GRID_TO = 8;
    private static final int CHUNK = 1024;

    /** A fitted head and the ridge strength GCV chose. */
    record Head(Mlp map, double lambda) {
    }

    private SingleViewHeads() {
    }

    /**
     * Fits a head per view on the rows where use is true (null entries: views wider than
     * {@link #MAX_COLUMNS}, or fewer than two rows to fit).
     */
    static Head[] fit(ViewInput[] x, boolean[] use, FMatrix target) {
        Head[] heads = new Head[x.length];
        for (int v = 0; v < x.length; v++) heads[v] = fit(x[v], use, target);
        return heads;
    }

    static Head fit(ViewInput x, boolean[] use, FMatrix target) {
        int d = x.cols(), out = target.cols, n = x.rows();
        if (d > MAX_COLUMNS) return null;
        int[] rows = java.util.stream.IntStream.range(0, n).filter(i -> use[i]).toArray();
        int m = rows.length;
        if (m < 2) return null;
        double[] gram = new double[d * d], cross = new double[d * out], xSum = new double[d], ySum = new double[out];
        float[] block = new float[CHUNK * d];
        double[] xb = new double[CHUNK * d], yb = new double[CHUNK * out];
        for (int from = 0; from < m; from += CHUNK) {
            int b = Math.min(CHUNK, m - from);
            x.gather(rows, from, from + b, block);
            for (int i = 0; i < b * d; i++) {
                xb[i] = block[i];
                xSum[i % d] += block[i];
            }
            for (int i = 0; i < b; i++) {
                for (int c = 0; c < out; c++) {
                    double y = target.data[rows[from + i] * out + c];
                    yb[i * out + c] = y;
                    ySum[c] += y;
                }
            }
            Blas.dgemm(true, false, d, d, b, 1, xb, 0, d, xb, 0, d, 1, gram, 0, d);
            Blas.dgemm(true, false, d, out, b, 1, xb, 0, d, yb, 0, out, 1, cross, 0, out);
        }
        double[] xMean = new double[d], yMean = new double[out];
        for (int t = 0; t < d; t++) xMean[t] = xSum[t] / m;
        for (int c = 0; c < out; c++) yMean[c] = ySum[c] / m;
        // centre: X~^T X~ = X^T X - m mu mu^T, X~^T Y~ = X^T Y - m mu ybar^T
        for (int s = 0; s < d; s++) {
            for (int t = 0; t < d; t++) gram[s * d + t] -= m * xMean[s] * xMean[t];
            for (int c = 0; c < out; c++) cross[s * out + c] -= m * xMean[s] * yMean[c];
        }
        double total = 0;
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < out; c++) {
                double r = target.data[rows[i] * out + c] - yMean[c];
                total += r * r;
            }
        }
        EigenResult eig = DenseSymmetricEigen.decompose(new DMatrix(d, d, gram));
        double[] e = eig.values().clone();
        DMatrix vectors = eig.vectors(); // d x d, column j the j-th eigenvector
        double meanEigen = 0;
        for (int j = 0; j < d; j++) {
            e[j] = Math.max(e[j], 0);
            meanEigen += e[j] / d;
        }
        // B = V^T X~^T Y~ (d x out) and the squared norm of each of its rows
        double[] projected = new double[d * out];
        Blas.dgemm(true, false, d, out, d, 1, vectors.data, 0, d, cross, 0, out, 0, projected, 0, out);
        double[] rowNorms = new double[d];
        for (int j = 0; j < d; j++) for (int c = 0; c < out; c++) rowNorms[j] += projected[j * out + c] * projected[j * out + c];
        double lambda = gcvLambda(e, rowNorms, total, m, meanEigen);
        double[] scaled = projected.clone();
        for (int j = 0; j < d; j++) for (int c = 0; c < out; c++) scaled[j * out + c] /= e[j] + lambda;
        double[] w = new double[d * out];
        Blas.dgemm(false, false, d, out, d, 1, vectors.data, 0, d, scaled, 0, out, 0, w, 0, out);
        return new Head(linear(w, xMean, yMean, d, out), lambda);
    }

    /**
     * The grid's ridge strength with the smallest GCV score m RSS / (m - df)^2, where with D = 1/(e + lambda)
     * RSS = |Y~|^2 - sum_j (2 D_j - e_j D_j^2) |B_j|^2 and df = 1 + sum_j e_j D_j (the 1 is the intercept:
     * without it, a view with at least m - 1 columns interpolates its rows as lambda -> 0 while the score
     * stays finite, and the smallest strength wins).
     */
    static double gcvLambda(double[] e, double[] rowNorms, double total, int m, double meanEigen) {
        if (!(meanEigen > 0) || !(total > 0)) return meanEigen > 0 ? meanEigen : 1;
        double best = Double.POSITIVE_INFINITY, chosen = meanEigen;
        for (int j = GRID_FROM; j <= GRID_TO; j++) {
            double lambda = meanEigen * Math.pow(10, j / 2.0);
            double rss = total, df = 1;
            for (int i = 0; i < e.length; i++) {
                double inv = 1 / (e[i] + lambda);
                rss -= (2 * inv - e[i] * inv * inv) * rowNorms[i];
                df += e[i] * inv;
            }
            if (!(m - df > 0.5)) continue;
            double score = m * Math.max(rss, 0) / ((m - df) * (m - df));
            if (score < best) {
                best = score;
                chosen = lambda;
            }
        }
        return chosen;
    }

    /** y = (x - mean) W + yMean as one linear layer: weight W, bias yMean - mean W. */
    private static Mlp linear(double[] w, double[] xMean, double[] yMean, int d, int out) {
        Mlp map = Mlp.builder(d, out).outputActivation(Activation.IDENTITY).build();
        Linear layer = map.linears().get(0);
        float[] weight = layer.weight.data(), bias = layer.bias.data();
        for (int i = 0; i < d * out; i++) weight[i] = (float) w[i];
        for (int c = 0; c < out; c++) {
            double b = yMean[c];
            for (int t = 0; t < d; t++) b -= xMean[t] * w[t * out + c];
            bias[c] = (float) b;
        }
        return map;
    }
}
