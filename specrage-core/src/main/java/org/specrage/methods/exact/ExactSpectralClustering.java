package org.specrage.methods.exact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.specrage.cluster.KMeans;
import org.specrage.cluster.KMeansOptions;
import org.specrage.cluster.KMeansResult;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.data.prep.Preprocessing;
import org.specrage.eigen.EigenResult;
import org.specrage.eigen.EigenSolverException;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.util.Progress;

/**
 * Exact spectral clustering, the ground truth for the neural methods: kNN graph(s), affinities,
 * the bottom k eigenvectors of the symmetric normalised Laplacian (of each view, averaged over
 * views when there are several), row normalisation (Ng, Jordan and Weiss), then k-means.
 * Bottom eigenvectors of L_sym = I - N are the top eigenvectors of N = D^-1/2 W D^-1/2, which
 * Lanczos finds faster, so the solver works on the mean of the views' N.
 */
public final class ExactSpectralClustering {
    private ExactSpectralClustering() {
    }

    public static ExactSpectralResult fit(MultiViewData data, ExactSpectralOptions options, Progress progress) {
        int n = data.rows();
        if (options.k() > n) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT,
                    "k (" + options.k() + ") is larger than the number of samples (" + n + ")");
        }
        if (options.neighbors() >= n) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT,
                    "neighbors (" + options.neighbors() + ") must be smaller than the number of samples (" + n + ")");
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        boolean varies = false; // one constant view among others adds nothing, but alone it leaves no neighbours to tell apart
        for (View view : data.views()) varies |= view.varies();
        if (!varies) {
            throw new DataException(DataException.Kind.INVALID_ARGUMENT, "data set '" + data.name() + "' has no variation: all its " + n
                    + " rows are the same" + (data.viewCount() > 1 ? " in every view" : "") + "; check the file, or the views chosen (--views)");
        }
        List<View> views = Preprocessing.fitTransform(data, data, options.preprocess()).views();
        List<ViewGraph> graphs = new ArrayList<>();
        if (options.combine() == ViewCombination.CONCAT && views.size() > 1) {
            boolean allBagOfWords = options.affinity() == AffinityChoice.AUTO; // the test reads every view: only AUTO needs it
            for (View raw : data.views()) allBagOfWords = allBagOfWords && raw.isBagOfWords();
            graphs.add(GraphBuilder.build("joined views", joined(views), allBagOfWords, options, progress));
        } else {
            for (int v = 0; v < views.size(); v++) {
                View view = views.get(v);
                String name = view.name() != null ? view.name() : "view " + v;
                boolean bagOfWords = options.affinity() == AffinityChoice.AUTO && data.view(v).isBagOfWords();
                graphs.add(GraphBuilder.build(name, view, bagOfWords, options, progress));
            }
        }
        long t1 = System.nanoTime();
        seconds.put("graph", (t1 - t0) / 1e9);

        progress.start("eigenvectors", 0);
        EigenResult top = topEigenvectors(graphs, options.k(), options.seed());
        progress.done();
        double[] laplacianEigenvalues = new double[options.k()];
        for (int j = 0; j < options.k(); j++) laplacianEigenvalues[j] = 1.0 - top.values()[options.k() - 1 - j];
        DMatrix embedding = rowNormalizedDescending(top.vectors());
        long t2 = System.nanoTime();
        seconds.put("eigen", (t2 - t1) / 1e9);

        progress.start("k-means", 0);
        KMeansOptions kmeans = KMeansOptions.of(options.k(), options.seed()).withRestarts(options.restarts());
        KMeansResult clusters = new KMeans(kmeans).fit(embedding);
        progress.done();
        seconds.put("kmeans", (System.nanoTime() - t2) / 1e9);
        return new ExactSpectralResult(clusters.labels(), embedding, laplacianEigenvalues, graphs, seconds, top.tolerance());
    }

    /** The solver's failure, told in terms of the graphs: their components, and what usually helps. */
    private static EigenResult topEigenvectors(List<ViewGraph> graphs, int k, long seed) {
        try {
            return MeanNormalizedAdjacency.topEigenvectors(graphs, k, seed);
        } catch (EigenSolverException e) {
            if (e.info() != 1 && e.info() != 3) throw e; // not a stall
            StringBuilder graphsSaid = new StringBuilder();
            for (ViewGraph g : graphs) {
                graphsSaid.append(graphsSaid.length() == 0 ? "" : "; ").append("the graph of ").append(g.name()).append(" has ")
                        .append(g.components()).append(g.components() == 1 ? " connected component" : " connected components")
                        .append(" (largest ").append(g.largestComponent()).append(" of ").append(g.affinity().rows).append(" points)");
            }
            throw new EigenSolverException(e.getMessage() + ". The top " + k + " eigenvalues crowd near 1, as they do when parts of a graph"
                    + " are joined only by vanishing weights (" + graphsSaid + "); a local scale (--scale local), more neighbours"
                    + " or row-normalised features (--preprocess l2) usually help", e.info());
        }
    }

    /** The views side by side: dense when every view is dense, sparse rows otherwise. */
    private static View joined(List<View> views) {
        boolean anySparse = false;
        for (View v : views) anySparse |= v.isSparse();
        if (!anySparse) {
            List<FMatrix> parts = new ArrayList<>();
            for (View v : views) parts.add(v.dense());
            return View.dense(FMatrix.hconcat(parts));
        }
        List<CsrMatrix> parts = new ArrayList<>();
        for (View v : views) parts.add(v.isSparse() ? v.sparse() : CsrMatrix.fromDense(v.dense()));
        return View.sparse(CsrMatrix.hconcat(parts));
    }

    /**
     * Eigenvectors come in ascending eigenvalue order of N; the embedding lists them from the
     * largest (the smallest Laplacian eigenvalue) down, each row scaled to unit length.
     */
    static DMatrix rowNormalizedDescending(DMatrix vectors) {
        int n = vectors.rows;
        int k = vectors.cols;
        DMatrix out = new DMatrix(n, k);
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int j = 0; j < k; j++) {
                double v = vectors.get(i, k - 1 - j);
                out.set(i, j, v);
                norm += v * v;
            }
            // an isolated point has an all-zero row; it stays at the origin
            if (norm > 0) {
                double inv = 1.0 / Math.sqrt(norm);
                for (int j = 0; j < k; j++) out.data[i * k + j] *= inv;
            }
        }
        return out;
    }
}
