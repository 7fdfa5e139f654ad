package org.specrage.methods.specrage;

import org.specrage.cluster.KMeans;
import org.specrage.cluster.KMeansOptions;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.prep.Preprocessing;
import org.specrage.linalg.Blas;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;

/**
 * A trained SpecRaGE model: the per-view scalers fitted on the training rows, the view and fusion
 * networks, the orthonormalisation matrix A (from all training rows) and the k-means centroids of
 * the training embedding. Raw new samples (same views and columns as in training) are scaled by the
 * stored scalers, then embedded, assigned or inspected.
 */
public final class SpecRageModel {
    private final SpecRageOptions options;
    private final Preprocessing preprocessing;
    private final SpecRageNetwork net;
    private final FMatrix ortho;
    private final DMatrix centroids;
    private final TrainingReport report;
    private final int[] inputDims;

    SpecRageModel(SpecRageOptions options, Preprocessing preprocessing, SpecRageNetwork net, FMatrix ortho, DMatrix centroids,
                  TrainingReport report) {
        this.options = options;
        this.preprocessing = preprocessing;
        this.net = net;
        this.ortho = ortho;
        this.centroids = centroids;
        this.report = report;
        this.inputDims = new int[net.viewCount()];
        for (int v = 0; v < inputDims.length; v++) inputDims[v] = net.viewNetworks().get(v).inputSize();
    }

    /** The embedding Y = Y~ A of every row (n x k). */
    public FMatrix transform(MultiViewData data) {
        return orthonormalise(forward(data).fused(), ortho);
    }

    /** Cluster ids 0..k-1: the nearest of the centroids fitted on the training embedding. */
    public int[] predict(MultiViewData data) {
        return KMeans.predict(transform(data).toDouble(), centroids);
    }

    /**
     * Each row's fusion weights (n x V, rows sum to 1): a low weight means the model trusts that
     * view less for that sample. Uniform (1/V) without a fusion network.
     */
    public FMatrix viewWeights(MultiViewData data) {
        return forward(data).weights();
    }

    /**
     * Clusters the given rows afresh: k-means with the given restarts on their embedding (the
     * evaluation protocol's held-out clustering); {@link #predict} keeps the training centroids instead.
     */
    public int[] cluster(MultiViewData data, int restarts, long seed) {
        return new KMeans(KMeansOptions.of(options.k(), seed).withRestarts(restarts)).fit(transform(data).toDouble()).labels();
    }

    private FusedForward.Result forward(MultiViewData data) {
        checkInput(data);
        MultiViewData scaled = preprocessing.apply(data);
        ViewRows[] rows = new ViewRows[scaled.viewCount()];
        for (int v = 0; v < rows.length; v++) rows[v] = new ViewRows(scaled.view(v), false);
        return FusedForward.apply(net, rows);
    }

    private void checkInput(MultiViewData data) {
        if (data.viewCount() != inputDims.length) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "the model was trained on " + inputDims.length + " view"
                    + (inputDims.length == 1 ? "" : "s") + " but data set '" + data.name() + "' has " + data.viewCount());
        }
        for (int v = 0; v < inputDims.length; v++) {
            if (data.view(v).cols() != inputDims[v]) {
                throw new DataException(DataException.Kind.INVALID_ARGUMENT, "view " + v + " has " + data.view(v).cols()
                        + " columns but the model was trained on " + inputDims[v]);
            }
        }
    }

    /** Y~ A in float32. */
    static FMatrix orthonormalise(FMatrix fused, FMatrix a) {
        FMatrix out = new FMatrix(fused.rows, a.cols);
        Blas.sgemm(false, false, fused.rows, a.cols, fused.cols, 1f, fused.data, 0, fused.cols, a.data, 0, a.cols, 0f, out.data, 0, a.cols);
        return out;
    }

    public SpecRageOptions options() {
        return options;
    }

    public TrainingReport report() {
        return report;
    }

    public int viewCount() {
        return inputDims.length;
    }

    public int[] inputDims() {
        return inputDims.clone();
    }

    public int embeddingDim() {
        return options.k();
    }

    /** The k-means centroids of the training embedding (a copy). */
    public DMatrix centroids() {
        return centroids.copy();
    }

    /** The orthonormalisation matrix A (k x k, a copy). */
    public FMatrix orthonormalization() {
        return ortho.copy();
    }

    /** The networks (read-only use). */
    public SpecRageNetwork network() {
        return net;
    }
}
