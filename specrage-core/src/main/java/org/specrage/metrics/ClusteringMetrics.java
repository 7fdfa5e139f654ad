package org.specrage.metrics;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * External clustering scores against ground-truth classes. Labels are any non-negative ints (need
 * not be contiguous); the numbers of classes and clusters may differ. Both arrays must have the
 * same, non-zero length. Values match scikit-learn's definitions.
 */
public final class ClusteringMetrics {
    /** The four scores of one labeling. */
    public record Scores(double acc, double nmi, double ari, double purity) {
    }

    private static final double EPS = Math.ulp(1.0);

    private ClusteringMetrics() {
    }

    public static Scores score(int[] truth, int[] pred) {
        Contingency c = new Contingency(truth, pred);
        return new Scores(accuracy(c), nmi(c), ari(c), purity(c));
    }

    /**
     * Clustering accuracy: the fraction of samples correctly labelled under the best one-to-one
     * mapping of clusters to classes (Hungarian matching); unmatched clusters count as wrong.
     */
    public static double accuracy(int[] truth, int[] pred) {
        return accuracy(new Contingency(truth, pred));
    }

    /**
     * Normalised mutual information with the arithmetic-mean normalisation
     * MI / ((H(truth) + H(pred)) / 2), scikit-learn's default; natural logarithms. Two single-cluster
     * labelings score 1.
     */
    public static double nmi(int[] truth, int[] pred) {
        return nmi(new Contingency(truth, pred));
    }

    /** Adjusted Rand index (Hubert and Arabie); 1 for identical partitions, about 0 for random ones. */
    public static double ari(int[] truth, int[] pred) {
        return ari(new Contingency(truth, pred));
    }

    /** Purity: each cluster votes for its most frequent class; the fraction of samples in the majority. */
    public static double purity(int[] truth, int[] pred) {
        return purity(new Contingency(truth, pred));
    }

    private static double accuracy(Contingency c) {
        long matched = 0;
        for (int[] component : components(c)) matched += bestMatching(c, component);
        return (double) matched / c.n;
    }

    /**
     * Groups the non-empty cells into connected components of the class-cluster bipartite graph.
     * Empty cells never help a matching, so each component is matched on its own: this keeps the
     * dense matrices small even when there are thousands of clusters.
     */
    private static int[][] components(Contingency c) {
        int[] parent = new int[c.classes + c.clusters];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        for (int k = 0; k < c.cells(); k++) union(parent, c.cellClass[k], c.classes + c.cellCluster[k]);
        int[] rootOfCell = new int[c.cells()];
        int[] cellsPerRoot = new int[parent.length];
        for (int k = 0; k < c.cells(); k++) {
            rootOfCell[k] = find(parent, c.cellClass[k]);
            cellsPerRoot[rootOfCell[k]]++;
        }
        int groups = 0;
        int[] groupOfRoot = new int[parent.length];
        Arrays.fill(groupOfRoot, -1);
        for (int k = 0; k < c.cells(); k++) {
            if (groupOfRoot[rootOfCell[k]] < 0) groupOfRoot[rootOfCell[k]] = groups++;
        }
        int[][] out = new int[groups][];
        int[] fill = new int[groups];
        for (int k = 0; k < c.cells(); k++) {
            int g = groupOfRoot[rootOfCell[k]];
            if (out[g] == null) out[g] = new int[cellsPerRoot[rootOfCell[k]]];
            out[g][fill[g]++] = k;
        }
        return out;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }

    /** Largest total count of a one-to-one class-cluster matching within one component. */
    private static long bestMatching(Contingency c, int[] cells) {
        if (cells.length == 1) return c.cellCount[cells[0]];
        int[] classIds = distinct(cells, c.cellClass);
        int[] clusterIds = distinct(cells, c.cellCluster);
        if ((long) classIds.length * clusterIds.length > 50_000_000L) {
            throw new IllegalArgumentException("too many interlinked clusters for the accuracy matching: "
                    + classIds.length + " classes x " + clusterIds.length + " clusters");
        }
        double[][] cost = new double[classIds.length][clusterIds.length];
        for (int k : cells) {
            int r = Arrays.binarySearch(classIds, c.cellClass[k]);
            int col = Arrays.binarySearch(clusterIds, c.cellCluster[k]);
            cost[r][col] = -c.cellCount[k]; // maximise matched counts
        }
        int[] assignment = Hungarian.minCostAssignment(cost);
        long total = 0;
        for (int r = 0; r < assignment.length; r++) {
            if (assignment[r] >= 0) total += (long) -cost[r][assignment[r]];
        }
        return total;
    }

    private static int[] distinct(int[] cells, int[] ids) {
        int[] v = new int[cells.length];
        for (int i = 0; i < cells.length; i++) v[i] = ids[cells[i]];
        return Arrays.stream(v).distinct().sorted().toArray();
    }

    private static double nmi(Contingency c) {
        if (c.classes == 1 && c.clusters == 1) return 1.0; // neither labeling splits the data
        double mi = mutualInformation(c);
        if (mi == 0) return 0.0;
        double normaliser = (entropy(c.classSize, c.n) + entropy(c.clusterSize, c.n)) / 2;
        return mi / normaliser;
    }

    /** Mutual information in nats, summed term by term as scikit-learn does (tiny terms dropped). */
    private static double mutualInformation(Contingency c) {
        if (c.classes == 1 || c.clusters == 1) return 0.0;
        double logN = Math.log(c.n);
        double sum = 0;
        for (int k = 0; k < c.cells(); k++) {
            double count = c.cellCount[k];
            double p = count / c.n;
            double outer = (double) c.classSize[c.cellClass[k]] * c.clusterSize[c.cellCluster[k]];
            double term = p * (Math.log(count) - logN) + p * (-Math.log(outer) + logN + logN);
            if (Math.abs(term) >= EPS) sum += term;
        }
        return Math.max(sum, 0.0);
    }

    private static double entropy(long[] sizes, int n) {
        if (sizes.length == 1) return 0.0;
        double logN = Math.log(n);
        double h = 0;
        for (long s : sizes) h += ((double) s / n) * (Math.log(s) - logN);
        return -h;
    }

    private static double ari(Contingency c) {
        // pair confusion counts (ordered pairs), as scikit-learn's pair_confusion_matrix
        long n = c.n;
        long sumSquares = 0;
        long rowDot = 0; // sum over cells of count * clusterSize
        long colDot = 0; // sum over cells of count * classSize
        for (int k = 0; k < c.cells(); k++) {
            long v = c.cellCount[k];
            sumSquares += v * v;
            rowDot += v * c.clusterSize[c.cellCluster[k]];
            colDot += v * c.classSize[c.cellClass[k]];
        }
        BigInteger tp = BigInteger.valueOf(sumSquares - n);
        BigInteger fp = BigInteger.valueOf(rowDot - sumSquares);
        BigInteger fn = BigInteger.valueOf(colDot - sumSquares);
        BigInteger tn = BigInteger.valueOf(n).multiply(BigInteger.valueOf(n))
                .subtract(fp).subtract(fn).subtract(BigInteger.valueOf(sumSquares));
        if (fn.signum() == 0 && fp.signum() == 0) return 1.0;
        BigInteger numerator = tp.multiply(tn).subtract(fn.multiply(fp)).shiftLeft(1);
        BigInteger denominator = tp.add(fn).multiply(fn.add(tn)).add(tp.add(fp).multiply(fp.add(tn)));
        return numerator.doubleValue() / denominator.doubleValue();
    }

    private static double purity(Contingency c) {
        long[] best = new long[c.clusters];
        for (int k = 0; k < c.cells(); k++) {
            best[c.cellCluster[k]] = Math.max(best[c.cellCluster[k]], c.cellCount[k]);
        }
        long total = 0;
        for (long b : best) total += b;
        return (double) total / c.n;
    }
}
