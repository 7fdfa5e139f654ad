package org.specrage.methods.exact;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.specrage.data.DataException;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.eigen.DenseSymmetricEigen;
import org.specrage.eigen.EigenResult;
import org.specrage.graph.Laplacian;
import org.specrage.graph.ScaleMode;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.linalg.DMatrix;
import org.specrage.metrics.ClusteringMetrics;
import org.specrage.util.Progress;

class ExactSpectralClusteringTest {

    private static DMatrix dense(CsrMatrix m) {
        DMatrix d = new DMatrix(m.rows, m.cols);
        for (int r = 0; r < m.rows; r++) {
            for (int p = m.rowStart[r]; p < m.rowStart[r + 1]; p++) d.set(r, m.colIndex[p], m.values[p]);
        }
        return d;
    }

    @Test
    void eigenvaluesMatchTheDenseSolverOnTheSameGraph() {
        MultiViewData data = SyntheticData.blobs(300, 4, 5, 2.5, 11);
        ExactSpectralOptions options = ExactSpectralOptions.defaults(4).withPreprocess("none");
        ExactSpectralResult result = ExactSpectralClustering.fit(data, options, Progress.NONE);
        DMatrix lsym = dense(Laplacian.symmetricNormalized(result.graphs().get(0).affinity()));
        EigenResult exact = DenseSymmetricEigen.smallest(lsym, 4);
        for (int j = 0; j < 4; j++) assertEquals(exact.values()[j], result.eigenvalues()[j], 1e-8);
        // the embedding spans the same space as the exact bottom eigenvectors (after row scaling)
        assertEquals(0.0, result.eigenvalues()[0], 1e-8);
    }

    @Test
    void meanLaplacianEigenvaluesMatchTheDenseMeanOfViews() {
        MultiViewData data = SyntheticData.multiViewBlobs(240, 3, 3, 6, 5);
        ExactSpectralOptions options = ExactSpectralOptions.defaults(3).withCombine(ViewCombination.MEAN_LAPLACIAN)
                .withAffinity(AffinityChoice.GAUSSIAN, ScaleMode.LOCAL);
        ExactSpectralResult result = ExactSpectralClustering.fit(data, options, Progress.NONE);
        assertEquals(3, result.graphs().size());
        DMatrix mean = new DMatrix(240, 240);
        for (ViewGraph g : result.graphs()) {
            DMatrix l = dense(Laplacian.symmetricNormalized(g.affinity()));
            for (int i = 0; i < mean.data.length; i++) mean.data[i] += l.data[i] / 3.0;
        }
        EigenResult exact = DenseSymmetricEigen.smallest(mean, 3);
        for (int j = 0; j < 3; j++) assertEquals(exact.values()[j], result.eigenvalues()[j], 1e-8);
    }

    @Test
    void separatesWellSeparatedBlobsPerfectly() {
        MultiViewData data = SyntheticData.blobs(400, 5, 8, 0.5, 3);
        ExactSpectralResult result = ExactSpectralClustering.fit(data, ExactSpectralOptions.defaults(5), Progress.NONE);
        assertEquals(1.0, ClusteringMetrics.accuracy(data.labels(), result.labels()), 0.0);
    }

    @Test
    void aGraphWithOneComponentPerClusterIsSplitAlongThem() {
        // 10 components: the eigenvalue 1 of the normalised adjacency is repeated 10 times, and Lanczos
        // (n above the dense solver's limit) must find every copy
        assertOneClusterPerComponent(SyntheticData.blobs(2000, 10, 8, 0.3, 5), 10);
    }

    @Test
    void thirtyComponentsAreThirtyClusters() {
        // each projected Lanczos run finds only a few of the 30 copies of the eigenvalue 1
        assertOneClusterPerComponent(SyntheticData.blobs(1500, 30, 5, 0.05, 3), 30);
    }

    private static void assertOneClusterPerComponent(MultiViewData data, int k) {
        ExactSpectralResult result = ExactSpectralClustering.fit(data, ExactSpectralOptions.defaults(k), Progress.NONE);
        assertEquals(k, result.graphs().get(0).components());
        assertEquals(k, result.graphs().get(0).componentsWithEdges());
        for (double lambda : result.eigenvalues()) assertEquals(0.0, lambda, 1e-9);
        assertEquals(1.0, ClusteringMetrics.accuracy(data.labels(), result.labels()), 0.0);
    }

    @Test
    void twoMoonsAreSeparatedWhereKMeansCannot() {
        MultiViewData data = SyntheticData.moons(600, 0.05, 7);
        ExactSpectralOptions options = ExactSpectralOptions.defaults(2).withNeighbors(10, 5).withPreprocess("none");
        ExactSpectralResult result = ExactSpectralClustering.fit(data, options, Progress.NONE);
        assertTrue(ClusteringMetrics.accuracy(data.labels(), result.labels()) > 0.99);
    }

    @Test
    void sameSeedSameLabels() {
        MultiViewData data = SyntheticData.blobs(300, 3, 4, 3.0, 9);
        ExactSpectralOptions options = ExactSpectralOptions.defaults(3).withSeed(42);
        int[] a = ExactSpectralClustering.fit(data, options, Progress.NONE).labels();
        int[] b = ExactSpectralClustering.fit(data, options, Progress.NONE).labels();
        assertArrayEquals(a, b);
    }

    @Test
    void kLargerThanNIsADataError() {
        MultiViewData data = SyntheticData.blobs(20, 2, 2, 1.0, 1);
        DataException e = assertThrows(DataException.class,
                () -> ExactSpectralClustering.fit(data, ExactSpectralOptions.defaults(21).withNeighbors(5, 2), Progress.NONE));
        assertEquals(DataException.Kind.INVALID_ARGUMENT, e.kind());
        assertTrue(e.getMessage().contains("larger than the number of samples"));
    }

    @Test
    void sparseViewsGetCosineAffinityByDefault() {
        MultiViewData blobs = SyntheticData.blobs(200, 2, 10, 0.3, 4);
        var m = blobs.view(0).dense();
        int[] r = new int[m.data.length];
        int[] c = new int[m.data.length];
        double[] v = new double[m.data.length];
        for (int i = 0; i < m.data.length; i++) {
            r[i] = i / m.cols;
            c[i] = i % m.cols;
            v[i] = Math.abs(m.data[i]);
        }
        CsrMatrix sparse = CsrMatrix.fromTriplets(m.rows, m.cols, r, c, v, v.length);
        MultiViewData data = new MultiViewData(List.of(View.sparse(sparse), View.dense(m)), blobs.labels(), "mixed");
        ExactSpectralResult result = ExactSpectralClustering.fit(data,
                ExactSpectralOptions.defaults(2).withCombine(ViewCombination.MEAN_LAPLACIAN), Progress.NONE);
        assertEquals(org.specrage.graph.AffinityKind.COSINE, result.graphs().get(0).kind());
        assertEquals(org.specrage.graph.AffinityKind.GAUSSIAN, result.graphs().get(1).kind());
    }

    /** Counts saved as a full matrix are compared by cosine too: judged on the raw counts, before min-max scaling. */
    @Test
    void denseWordCountsGetCosineAffinityByDefault() {
        MultiViewData blobs = SyntheticData.blobs(200, 2, 10, 0.3, 4);
        FMatrix counts = new FMatrix(200, 100);
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            int topic = blobs.labels()[i] * 50;
            for (int w = 0; w < 6; w++) counts.data[i * 100 + topic + random.nextInt(50)] += 1 + random.nextInt(3);
        }
        MultiViewData data = new MultiViewData(List.of(View.dense(counts), blobs.view(0)), blobs.labels(), "counts");
        ExactSpectralResult result = ExactSpectralClustering.fit(data,
                ExactSpectralOptions.defaults(2).withCombine(ViewCombination.MEAN_LAPLACIAN), Progress.NONE);
        assertEquals(org.specrage.graph.AffinityKind.COSINE, result.graphs().get(0).kind());
        assertEquals(org.specrage.graph.AffinityKind.GAUSSIAN, result.graphs().get(1).kind());
        // joined with a view of real values, the joined rows are not counts
        ExactSpectralResult joined = ExactSpectralClustering.fit(data, ExactSpectralOptions.defaults(2), Progress.NONE);
        assertEquals(org.specrage.graph.AffinityKind.GAUSSIAN, joined.graphs().get(0).kind());
    }

    /** Data whose rows are all the same (a view of zeros alone) is refused plainly, not left to the eigensolver. */
    @Test
    void dataWithoutVariationIsRefused() {
        MultiViewData blobs = SyntheticData.blobs(100, 2, 4, 0.3, 4);
        MultiViewData data = new MultiViewData(List.of(blobs.view(0), View.dense(new FMatrix(100, 3)).withName("zeros")), blobs.labels(), "z");
        for (AffinityChoice affinity : List.of(AffinityChoice.GAUSSIAN, AffinityChoice.COSINE)) {
            DataException e = assertThrows(DataException.class, () -> ExactSpectralClustering.fit(data.selectViews(1),
                    ExactSpectralOptions.defaults(2).withAffinity(affinity, ScaleMode.GLOBAL_MEDIAN), Progress.NONE));
            assertTrue(e.getMessage().contains("'z' has no variation: all its 100 rows are the same"), e.getMessage());
        }
        // beside a view that varies, a missing view only adds nothing
        assertTrue(ClusteringMetrics.accuracy(blobs.labels(), ExactSpectralClustering.fit(data, ExactSpectralOptions.defaults(2), Progress.NONE).labels()) > 0.95);
    }

    /** A sparse view is searched as sparse rows; the clustering is the one its dense copy gives. */
    @Test
    void aSparseViewGivesTheSameClusteringAsItsDenseCopy() {
        MultiViewData blobs = SyntheticData.blobs(300, 3, 12, 0.5, 6);
        var m = blobs.view(0).dense();
        for (int i = 0; i < m.data.length; i++) m.data[i] = Math.max(0f, m.data[i]); // about half the entries become zeros
        MultiViewData sparse = new MultiViewData(List.of(View.sparse(CsrMatrix.fromDense(m)), View.dense(m)), blobs.labels(), "sparse");
        MultiViewData dense = new MultiViewData(List.of(View.dense(m), View.dense(m)), blobs.labels(), "dense");
        for (ViewCombination combine : ViewCombination.values()) {
            for (AffinityChoice affinity : List.of(AffinityChoice.GAUSSIAN, AffinityChoice.COSINE)) {
                ExactSpectralOptions options = ExactSpectralOptions.defaults(3).withCombine(combine)
                        .withAffinity(affinity, ScaleMode.LOCAL).withPreprocess("none");
                ExactSpectralResult fromSparse = ExactSpectralClustering.fit(sparse, options, Progress.NONE);
                ExactSpectralResult fromDense = ExactSpectralClustering.fit(dense, options, Progress.NONE);
                String what = combine + " " + affinity;
                assertArrayEquals(fromDense.eigenvalues(), fromSparse.eigenvalues(), 1e-6, what);
                // dense rows are ranked in float, sparse ones in double: the same partition, perhaps numbered differently
                assertEquals(1.0, ClusteringMetrics.accuracy(fromDense.labels(), fromSparse.labels()), what);
                assertTrue(ClusteringMetrics.accuracy(blobs.labels(), fromSparse.labels()) > 0.95, what + " separates the blobs");
            }
        }
    }
}
