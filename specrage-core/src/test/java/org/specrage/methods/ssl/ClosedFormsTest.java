package org.specrage.methods.ssl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;

class ClosedFormsTest {
    private static CsrMatrix path(int n) {
        int[] a = new int[n - 1], b = new int[n - 1];
        for (int i = 0; i + 1 < n; i++) {
            a[i] = i;
            b[i] = i + 1;
        }
        return Relations.fromEdges(n, a, b, null);
    }

    private static CsrMatrix cycle(int n) {
        int[] a = new int[n], b = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
            b[i] = (i + 1) % n;
        }
        return Relations.fromEdges(n, a, b, null);
    }

    @Test
    void laplacianEigenmapsOfAPathAreItsCosineModes() {
        // Path P_n: lambda_j = 2 - 2 cos(pi j / n), v_j(i) proportional to cos(pi j (i + 1/2) / n), j = 1, 2, ...
        int n = 12;
        ClosedForms.Spectrum s = ClosedForms.laplacianEigenmaps(path(n), 3, 1);
        for (int j = 1; j <= 3; j++) {
            assertEquals(2 - 2 * Math.cos(Math.PI * j / n), s.values()[j - 1], 1e-12);
            double[] mode = new double[n];
            double norm = 0;
            for (int i = 0; i < n; i++) {
                mode[i] = Math.cos(Math.PI * j * (i + 0.5) / n);
                norm += mode[i] * mode[i];
            }
            double dot = 0;
            for (int i = 0; i < n; i++) dot += mode[i] / Math.sqrt(norm) * s.vectors().get(i, j - 1);
            assertEquals(1, Math.abs(dot), 1e-10);
        }
    }

    @Test
    void spectralNetOptimumStartsWithTheConstantVector() {
        int n = 10;
        ClosedForms.Spectrum s = ClosedForms.spectralNetOptimum(path(n), 2, 1);
        assertEquals(0, s.values()[0], 1e-12);
        assertEquals(2 - 2 * Math.cos(Math.PI / n), s.values()[1], 1e-12);
        for (int i = 0; i < n; i++) assertEquals(1 / Math.sqrt(n), Math.abs(s.vectors().get(i, 0)), 1e-10);
    }

    @Test
    void degreeWeightedEigenmapsSolveTheGeneralisedProblem() {
        // A cycle is 2-regular: L v = lambda D v has lambda_j = 1 - cos(2 pi j / n) (pairs), v^T D v = 1.
        int n = 9;
        CsrMatrix g = Relations.fromEdges(n, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 0}, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 0, 4},
                new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5}); // a chord breaks the regularity
        ClosedForms.Spectrum s = ClosedForms.laplacianEigenmapsDegreeWeighted(g, 3, 1);
        double[] d = g.rowSums();
        for (int j = 0; j < 3; j++) {
            double vdv = 0, dsum = 0;
            for (int i = 0; i < n; i++) {
                double v = s.vectors().get(i, j);
                vdv += d[i] * v * v;
                dsum += d[i] * v;
                double lv = d[i] * v;
                for (int p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) lv -= g.values[p] * s.vectors().get(g.colIndex[p], j);
                assertEquals(s.values()[j] * d[i] * v, lv, 1e-10, "L v = lambda D v, row " + i);
            }
            assertEquals(1, vdv, 1e-10);
            assertEquals(0, dsum, 1e-10);
        }
        ClosedForms.Spectrum regular = ClosedForms.laplacianEigenmapsDegreeWeighted(cycle(8), 2, 1);
        assertEquals(1 - Math.cos(2 * Math.PI / 8), regular.values()[0], 1e-12);
        assertEquals(1 - Math.cos(2 * Math.PI / 8), regular.values()[1], 1e-12);
    }

    @Test
    void topEigenvectorsOfAViewsRelationAreTheSampleIndicators() {
        CsrMatrix g = Relations.views(3, 4);
        ClosedForms.Spectrum s = ClosedForms.topEigenvectors(g, 4, 1);
        assertEquals(-1, s.values()[0], 1e-12);
        for (int j = 1; j < 4; j++) assertEquals(3, s.values()[j], 1e-12);
        DMatrix indicators = new DMatrix(12, 3);
        for (int i = 0; i < 12; i++) indicators.set(i, i % 3, 0.5);
        DMatrix top = new DMatrix(12, 3);
        for (int i = 0; i < 12; i++) for (int j = 0; j < 3; j++) top.set(i, j, s.vectors().get(i, j + 1));
        assertEquals(0, Subspaces.largestSine(indicators, top), 1e-10);
    }

    @Test
    void lppSolvesTheGeneralisedProblemAndBeatsOtherDirections() {
        FMatrix x = SslExperiments.blobData(120, 4, 5.0, 3);
        CsrMatrix g = SslExperiments.knnGraph(x, 6);
        DMatrix xd = x.toDouble();
        ClosedForms.LinearSpectrum lpp = ClosedForms.lpp(xd, g, 4);
        // A = X^T L X and B = X^T H X computed the plain way
        int n = 120, d = 4;
        double[] deg = g.rowSums();
        double[][] a = new double[d][d], b = new double[d][d];
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) for (int c = 0; c < d; c++) mean[c] += xd.get(i, c) / n;
        for (int i = 0; i < n; i++) {
            for (int p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) {
                int j = g.colIndex[p];
                for (int r = 0; r < d; r++) for (int c = 0; c < d; c++) a[r][c] += 0.5 * g.values[p] * (xd.get(i, r) - xd.get(j, r)) * (xd.get(i, c) - xd.get(j, c));
            }
            for (int r = 0; r < d; r++) for (int c = 0; c < d; c++) b[r][c] += (xd.get(i, r) - mean[r]) * (xd.get(i, c) - mean[c]);
        }
        assertTrue(deg.length == n);
        for (int j = 0; j < 4; j++) {
            for (int r = 0; r < d; r++) {
                double aw = 0, bw = 0;
                for (int c = 0; c < d; c++) {
                    aw += a[r][c] * lpp.projection().get(c, j);
                    bw += b[r][c] * lpp.projection().get(c, j);
                }
                assertEquals(lpp.values()[j] * bw, aw, 1e-9 * Math.max(1, Math.abs(aw)));
            }
            double wbw = 0;
            for (int r = 0; r < d; r++) for (int c = 0; c < d; c++) wbw += lpp.projection().get(r, j) * b[r][c] * lpp.projection().get(c, j);
            assertEquals(1, wbw, 1e-9);
            if (j > 0) assertTrue(lpp.values()[j] >= lpp.values()[j - 1]);
        }
    }
}
