package org.specrage.methods.ssl;

import org.specrage.data.synthetic.SyntheticData;
import org.specrage.graph.AffinityKind;
import org.specrage.graph.ConnectedComponents;
import org.specrage.graph.Metric;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;

/**
 * The numeric experiments behind {@code specrage ssl-check}: optimise a loss (free Z, or Z = X W)
 * on a relation and compare the result with the closed form its theory predicts, by principal
 * angles; or measure the rank of Z under a relation of lower rank than the embedding.
 */
public final class SslExperiments {
    /** The largest sine of a principal angle accepted by the checks. */
    public static final double TOLERANCE = 0.05;

    private SslExperiments() {
    }

    /** How the optimised Z is read before comparing subspaces. */
    public enum Reading {
        /** H Z: the losses that only see centred statistics (VICReg). */
        CENTERED,
        /** Z minus its degree-weighted mean (BarlowTwins' relation form). */
        DEGREE_CENTERED,
        /** Rows scaled to unit length (InfoNCE only sees directions). */
        ROW_NORMALIZED,
        /** Z as it is (SpectralNet: its orthonormalisation keeps the constant direction). */
        RAW
    }

    /** n points in 5 Gaussian blobs (centres uniform in [-10, 10]^dim, the given std), columns standardised. */
    public static FMatrix blobData(int n, int dim, double std, long seed) {
        FMatrix x = SyntheticData.blobs(n, 5, dim, std, seed).view(0).dense().copy();
        for (int c = 0; c < x.cols; c++) {
            double mean = 0, var = 0;
            for (int i = 0; i < x.rows; i++) mean += x.data[i * x.cols + c];
            mean /= x.rows;
            for (int i = 0; i < x.rows; i++) var += Math.pow(x.data[i * x.cols + c] - mean, 2);
            double scale = Math.sqrt(var / x.rows);
            for (int i = 0; i < x.rows; i++) x.data[i * x.cols + c] = (float) ((x.data[i * x.cols + c] - mean) / scale);
        }
        return x;
    }

    /** Unweighted symmetrised kNN graph of the rows of x (Euclidean). */
    public static CsrMatrix knnGraph(FMatrix x, int neighbors) {
        return Relations.knn(x, neighbors, Metric.EUCLIDEAN, AffinityKind.CONNECTIVITY, 1);
    }

    /** VICReg over a free Z against Laplacian eigenmaps under Z^T H Z = N I. */
    public static AngleCheck vicregVersusLaplacianEigenmaps(CsrMatrix g, String relation, int k, VicRegLoss loss,
                                                           FreeEmbedding.Options options) {
        ClosedForms.Spectrum target = ClosedForms.laplacianEigenmaps(g, k + 1, options.seed());
        FreeEmbedding.Result r = FreeEmbedding.optimise(loss, RelationBatch.of(g), k, options);
        return angleCheck(describe(loss), relation, "Laplacian eigenmaps (bottom non-trivial eigenvectors of L, Z^T H Z = N I)",
                g.rows, read(r.parameter().toDouble(), Reading.CENTERED, g), target, k, r);
    }

    /** SpectralNet's loss over a free Z against the bottom eigenvectors of L. */
    public static AngleCheck spectralNetVersusEigenvectors(CsrMatrix g, String relation, int k, SpectralNetLoss loss,
                                                          FreeEmbedding.Options options) {
        ClosedForms.Spectrum target = ClosedForms.spectralNetOptimum(g, k + 1, options.seed());
        FreeEmbedding.Result r = FreeEmbedding.optimise(loss, RelationBatch.of(g), k, options);
        return angleCheck(describe(loss), relation, "bottom eigenvectors of L (Y^T Y = N I)",
                g.rows, read(r.parameter().toDouble(), Reading.RAW, g), target, k, r);
    }

    /**
     * A loss over a free Z against the top eigenspace of G of dimension {@code targetDimension}:
     * span(read(Z)) must lie inside it.
     */
    public static AngleCheck versusTopEigenspace(CsrMatrix g, String relation, int k, SslLoss loss, Reading reading,
                                                 int targetDimension, FreeEmbedding.Options options) {
        if (targetDimension < k) throw new IllegalArgumentException("target dimension " + targetDimension + " below the embedding dimension " + k);
        ClosedForms.Spectrum top = ClosedForms.topEigenvectors(g, targetDimension + 1, options.seed());
        // ascending order: the last targetDimension columns are the top eigenvectors
        ClosedForms.Spectrum target = descending(top);
        FreeEmbedding.Result r = FreeEmbedding.optimise(loss, RelationBatch.of(g), k, options);
        return angleCheck(describe(loss), relation, "top " + targetDimension + " eigenvectors of G",
                g.rows, read(r.parameter().toDouble(), reading, g), target, targetDimension, r);
    }

    /** VICReg with a linear network Z = X W against locality preserving projections. */
    public static AngleCheck linearVicregVersusLpp(FMatrix x, CsrMatrix g, String relation, int k, VicRegLoss loss,
                                                  FreeEmbedding.Options options) {
        DMatrix xd = x.toDouble();
        ClosedForms.LinearSpectrum lpp = ClosedForms.lpp(xd, g, Math.min(k + 1, x.cols));
        FreeEmbedding.Result r = FreeEmbedding.optimiseLinear(loss, RelationBatch.of(g), x, k, options);
        DMatrix z = Subspaces.centered(Subspaces.multiply(xd, r.parameter().toDouble()));
        DMatrix targetProjection = firstColumns(lpp.projection(), k);
        DMatrix target = Subspaces.orthonormalBasis(Subspaces.centered(Subspaces.multiply(xd, targetProjection)));
        double[] sines = Subspaces.principalSines(Subspaces.leftSingularBasis(z, k), target);
        double next = lpp.values().length > k ? lpp.values()[k] : Double.NaN;
        return new AngleCheck(describe(loss) + ", Z = X W", relation,
                "locality preserving projections (X^T L X w = lambda X^T H X w)", g.rows, k, k,
                new double[] {lpp.values()[k - 1], next}, sines, TOLERANCE, r.loss(), r.steps(), r.seconds());
    }

    /** Rank of the optimised Z (read as for the angle checks, then centred). */
    public static RankCheck rank(CsrMatrix g, String relation, int k, SslLoss loss, Reading reading, FreeEmbedding.Options options) {
        FreeEmbedding.Result r = FreeEmbedding.optimise(loss, RelationBatch.of(g), k, options);
        DMatrix z = Subspaces.centered(read(r.parameter().toDouble(), reading, g));
        double[] s = Subspaces.singularValues(z);
        double[] relative = new double[s.length];
        for (int i = 0; i < s.length; i++) relative[i] = s[i] / s[0];
        return new RankCheck(describe(loss), relation, g.rows, k, ConnectedComponents.of(g).count(), relative,
                Subspaces.numericalRank(s, RankCheck.RANK_THRESHOLD), Subspaces.numericalRank(s, RankCheck.EFFECTIVE_RANK_THRESHOLD),
                r.seconds());
    }

    /** The loss with its weights, for reports. */
    public static String describe(SslLoss loss) {
        if (loss instanceof VicRegLoss v) return "vicreg(alpha " + fmt(v.alpha()) + ", beta " + fmt(v.beta()) + ", gamma " + fmt(v.gamma()) + ")";
        if (loss instanceof InfoNceLoss s) return "simclr(tau " + fmt(s.temperature()) + ")";
        if (loss instanceof BarlowTwinsLoss b) return "barlow(lambda " + fmt(b.lambda()) + ")";
        if (loss instanceof SpectralNetLoss s) return "spectralnet(" + (s.gradientThroughOrthonormalisation() ? "gradient through" : "constant") + " orthonormalisation)";
        return loss.name();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? Long.toString((long) v) : Double.toString(v);
    }

    static DMatrix read(DMatrix z, Reading reading, CsrMatrix g) {
        return switch (reading) {
            case CENTERED -> Subspaces.centered(z);
            case RAW -> z;
            case ROW_NORMALIZED -> rowNormalized(z);
            case DEGREE_CENTERED -> degreeCentered(z, g.rowSums());
        };
    }

    private static DMatrix rowNormalized(DMatrix z) {
        DMatrix out = z.copy();
        int k = z.cols;
        for (int i = 0; i < z.rows; i++) {
            double s = 0;
            for (int c = 0; c < k; c++) s += z.data[i * k + c] * z.data[i * k + c];
            double inv = s > 0 ? 1 / Math.sqrt(s) : 0;
            for (int c = 0; c < k; c++) out.data[i * k + c] *= inv;
        }
        return out;
    }

    private static DMatrix degreeCentered(DMatrix z, double[] degree) {
        int k = z.cols;
        double total = 0;
        double[] mean = new double[k];
        for (int i = 0; i < z.rows; i++) {
            total += degree[i];
            for (int c = 0; c < k; c++) mean[c] += degree[i] * z.data[i * k + c];
        }
        DMatrix out = z.copy();
        for (int i = 0; i < z.rows; i++) for (int c = 0; c < k; c++) out.data[i * k + c] -= mean[c] / total;
        return out;
    }

    /** Compares span(z) with the first targetDimension columns of the target spectrum (the rest give the gap). */
    private static AngleCheck angleCheck(String loss, String relation, String closedForm, int nodes, DMatrix z,
                                         ClosedForms.Spectrum target, int targetDimension, FreeEmbedding.Result r) {
        int k = z.cols;
        DMatrix basis = firstColumns(target.vectors(), targetDimension);
        double[] sines = Subspaces.principalSines(Subspaces.leftSingularBasis(z, k), basis);
        double[] boundary = {target.values()[targetDimension - 1], target.values()[targetDimension]};
        return new AngleCheck(loss, relation, closedForm, nodes, k, targetDimension, boundary, sines, TOLERANCE,
                r.loss(), r.steps(), r.seconds());
    }

    /** The spectrum reordered from the largest eigenvalue down. */
    private static ClosedForms.Spectrum descending(ClosedForms.Spectrum s) {
        int n = s.vectors().rows, m = s.values().length;
        double[] values = new double[m];
        DMatrix v = new DMatrix(n, m);
        for (int j = 0; j < m; j++) {
            values[j] = s.values()[m - 1 - j];
            for (int i = 0; i < n; i++) v.data[i * m + j] = s.vectors().data[i * m + (m - 1 - j)];
        }
        return new ClosedForms.Spectrum(values, v);
    }

    private static DMatrix firstColumns(DMatrix a, int count) {
        DMatrix out = new DMatrix(a.rows, count);
        for (int i = 0; i < a.rows; i++) System.arraycopy(a.data, i * a.cols, out.data, i * count, count);
        return out;
    }
}
