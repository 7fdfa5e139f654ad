package org.specrage.methods.ssl;

import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.DMatrix;

/** Plain double implementations of the losses, written from their formulas, for the tests. */
final class LossReference {
    private LossReference() {
    }

    static double pairSquaredDistances(DMatrix z, CsrMatrix g) {
        double s = 0;
        for (int i = 0; i < g.rows; i++) {
            for (int p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) {
                int j = g.colIndex[p];
                double d2 = 0;
                for (int c = 0; c < z.cols; c++) {
                    double d = z.get(i, c) - z.get(j, c);
                    d2 += d * d;
                }
                s += g.values[p] * d2;
            }
        }
        return s;
    }

    static double[][] covariance(DMatrix z) {
        int n = z.rows, k = z.cols;
        double[] mean = new double[k];
        for (int i = 0; i < n; i++) for (int c = 0; c < k; c++) mean[c] += z.get(i, c) / n;
        double[][] cov = new double[k][k];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) cov[a][b] += (z.get(i, a) - mean[a]) * (z.get(i, b) - mean[b]) / n;
            }
        }
        return cov;
    }

    static double vicreg(DMatrix z, CsrMatrix g, double alpha, double beta, double gamma, double eps) {
        double[][] cov = covariance(z);
        int k = z.cols;
        double hinge = 0, off = 0;
        for (int a = 0; a < k; a++) {
            hinge += Math.max(0, 1 - Math.sqrt(cov[a][a] + eps));
            for (int b = 0; b < k; b++) if (a != b) off += cov[a][b] * cov[a][b];
        }
        return alpha * hinge + beta * off + gamma / z.rows * pairSquaredDistances(z, g);
    }

    static double infoNce(DMatrix z, CsrMatrix g, double tau) {
        int m = z.rows, k = z.cols;
        double[][] u = new double[m][k];
        for (int i = 0; i < m; i++) {
            double norm = 0;
            for (int c = 0; c < k; c++) norm += z.get(i, c) * z.get(i, c);
            norm = Math.sqrt(norm);
            for (int c = 0; c < k; c++) u[i][c] = z.get(i, c) / norm;
        }
        double[] degree = g.rowSums();
        double loss = 0;
        int anchors = 0;
        for (int i = 0; i < m; i++) {
            if (degree[i] <= 0) continue;
            anchors++;
            double[] s = new double[m];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                if (j == i) continue;
                for (int c = 0; c < k; c++) s[j] += u[i][c] * u[j][c] / tau;
                max = Math.max(max, s[j]);
            }
            double sum = 0;
            for (int j = 0; j < m; j++) if (j != i) sum += Math.exp(s[j] - max);
            double lse = max + Math.log(sum);
            for (int p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) {
                loss -= g.values[p] / degree[i] * (s[g.colIndex[p]] - lse);
            }
        }
        return loss / anchors;
    }

    static double barlowFromCorrelation(double[][] c, double lambda) {
        double loss = 0;
        for (int a = 0; a < c.length; a++) {
            for (int b = 0; b < c.length; b++) {
                loss += a == b ? (c[a][a] - 1) * (c[a][a] - 1) : lambda * c[a][b] * c[a][b];
            }
        }
        return loss;
    }

    /** Two views: rows [0, b) and [b, 2b), each standardised on its own (biased variance + eps). */
    static double barlowTwoViews(DMatrix z, double lambda, double eps) {
        int b = z.rows / 2, k = z.cols;
        double[][] za = standardized(z, 0, b, eps), zb = standardized(z, b, 2 * b, eps);
        double[][] c = new double[k][k];
        for (int i = 0; i < b; i++) for (int p = 0; p < k; p++) for (int q = 0; q < k; q++) c[p][q] += za[i][p] * zb[i][q] / b;
        return barlowFromCorrelation(c, lambda);
    }

    private static double[][] standardized(DMatrix z, int from, int to, double eps) {
        int n = to - from, k = z.cols;
        double[][] out = new double[n][k];
        for (int c = 0; c < k; c++) {
            double mean = 0, var = 0;
            for (int i = from; i < to; i++) mean += z.get(i, c) / n;
            for (int i = from; i < to; i++) var += (z.get(i, c) - mean) * (z.get(i, c) - mean) / n;
            for (int i = from; i < to; i++) out[i - from][c] = (z.get(i, c) - mean) / Math.sqrt(var + eps);
        }
        return out;
    }

    /** Relation form: degree-weighted standardisation, C = Zs^T G Zs / sum G. */
    static double barlowRelation(DMatrix z, CsrMatrix g, double lambda, double eps) {
        int m = z.rows, k = z.cols;
        double[] d = g.rowSums();
        double total = 0;
        for (double v : d) total += v;
        double[][] zs = new double[m][k];
        for (int c = 0; c < k; c++) {
            double mean = 0, var = 0;
            for (int i = 0; i < m; i++) mean += d[i] * z.get(i, c) / total;
            for (int i = 0; i < m; i++) var += d[i] * (z.get(i, c) - mean) * (z.get(i, c) - mean) / total;
            for (int i = 0; i < m; i++) zs[i][c] = (z.get(i, c) - mean) / Math.sqrt(var + eps);
        }
        double[][] c = new double[k][k];
        for (int i = 0; i < m; i++) {
            for (int p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) {
                int j = g.colIndex[p];
                for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) c[a][b] += g.values[p] * zs[i][a] * zs[j][b] / total;
            }
        }
        return barlowFromCorrelation(c, lambda);
    }

    /** Lower Cholesky factor of z^T z. */
    static double[][] gramCholesky(DMatrix z) {
        int k = z.cols;
        double[][] a = new double[k][k];
        for (int i = 0; i < z.rows; i++) for (int p = 0; p < k; p++) for (int q = 0; q < k; q++) a[p][q] += z.get(i, p) * z.get(i, q);
        double[][] l = new double[k][k];
        for (int j = 0; j < k; j++) {
            double s = a[j][j];
            for (int t = 0; t < j; t++) s -= l[j][t] * l[j][t];
            l[j][j] = Math.sqrt(s);
            for (int i = j + 1; i < k; i++) {
                double v = a[i][j];
                for (int t = 0; t < j; t++) v -= l[i][t] * l[j][t];
                l[i][j] = v / l[j][j];
            }
        }
        return l;
    }

    /** SpectralNet loss with the orthonormalising factor l (Y = sqrt(m) Z l^-T). */
    static double spectralNet(DMatrix z, CsrMatrix g, double[][] l) {
        int m = z.rows, k = z.cols;
        DMatrix y = new DMatrix(m, k);
        for (int i = 0; i < m; i++) {
            // solve y_i l^T = z_i, i.e. l y_i^T = z_i^T (forward substitution)
            for (int c = 0; c < k; c++) {
                double v = z.get(i, c);
                for (int t = 0; t < c; t++) v -= l[c][t] * y.get(i, t);
                y.set(i, c, v / l[c][c]);
            }
            for (int c = 0; c < k; c++) y.set(i, c, y.get(i, c) * Math.sqrt(m));
        }
        return pairSquaredDistances(y, g) / ((double) m * m);
    }
}
