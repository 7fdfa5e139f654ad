package org.specrage.methods.ssl;

import java.util.Arrays;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * The relation G restricted to the m rows of one batch, as a list of weighted ordered pairs
 * (both (i, j) and (j, i) are stored, so sums over edges are sums over all i, j). Batch-local
 * indices. Immutable; reuse one instance across steps when the batch layout repeats (views).
 *
 * <p>A batch built by {@link #views} also remembers its layout: row {@code v * samples + s} is
 * view v of sample s. Losses that are defined on two views (BarlowTwins) use it.
 */
public final class RelationBatch {
    private final int size;
    private final int[] src;
    private final int[] dst;
    private final float[] weight;
    private final double[] degree;
    private final double totalWeight;
    private final int views;
    private final FMatrix weightColumn;
    private final FMatrix degreeColumn;
    private final FMatrix targetColumn;
    private final FMatrix anchorColumn;
    private final int anchors;

    private RelationBatch(int size, int[] src, int[] dst, float[] weight, int views) {
        this.size = size;
        this.src = src;
        this.dst = dst;
        this.weight = weight;
        this.views = views;
        this.degree = new double[size];
        double total = 0;
        for (int e = 0; e < src.length; e++) {
            degree[src[e]] += weight[e];
            total += weight[e];
        }
        this.totalWeight = total;
        this.weightColumn = new FMatrix(src.length, 1, weight);
        float[] d = new float[size];
        for (int i = 0; i < size; i++) d[i] = (float) degree[i];
        this.degreeColumn = new FMatrix(size, 1, d);
        this.targetColumn = new FMatrix(src.length, 1);
        for (int e = 0; e < src.length; e++) targetColumn.data[e] = (float) (weight[e] / degree[src[e]]);
        this.anchorColumn = new FMatrix(size, 1);
        int a = 0;
        for (int i = 0; i < size; i++) {
            if (degree[i] > 0) {
                anchorColumn.data[i] = 1f;
                a++;
            }
        }
        this.anchors = a;
    }

    /** Views of the same sample in a batch laid out [view 0 rows; view 1 rows; ...], weight 1 (see {@link Relations#views}). */
    public static RelationBatch views(int samples, int views) {
        return fromCsr(Relations.views(samples, views), views);
    }

    /** The whole relation as one batch (for full-batch optimisation on small N). */
    public static RelationBatch of(CsrMatrix g) {
        Relations.validate(g);
        return fromCsr(g, 0);
    }

    /**
     * The relation among {@code rows[from..to)} of the full matrix g, in that order (batch row
     * i is row {@code rows[from + i]} of g). Allocates an array of g.rows ints per call.
     */
    public static RelationBatch restrict(CsrMatrix g, int[] rows, int from, int to) {
        if (g.rows != g.cols) throw new IllegalArgumentException("relation matrix must be square, got " + g.rows + " x " + g.cols);
        if (from < 0 || to > rows.length || from > to) throw new IllegalArgumentException("row range [" + from + ", " + to + ") outside 0.." + rows.length);
        int m = to - from;
        int[] local = new int[g.rows];
        Arrays.fill(local, -1);
        for (int i = 0; i < m; i++) {
            int r = rows[from + i];
            if (r < 0 || r >= g.rows) throw new IllegalArgumentException("row index " + r + " outside 0.." + (g.rows - 1));
            if (local[r] >= 0) throw new IllegalArgumentException("row " + r + " appears twice in the batch");
            local[r] = i;
        }
        int count = 0;
        for (int i = 0; i < m; i++) {
            int r = rows[from + i];
            for (int p = g.rowStart[r]; p < g.rowStart[r + 1]; p++) if (local[g.colIndex[p]] >= 0 && g.values[p] != 0) count++;
        }
        int[] s = new int[count];
        int[] d = new int[count];
        float[] w = new float[count];
        int t = 0;
        for (int i = 0; i < m; i++) {
            int r = rows[from + i];
            for (int p = g.rowStart[r]; p < g.rowStart[r + 1]; p++) {
                int j = local[g.colIndex[p]];
                if (j < 0 || g.values[p] == 0) continue;
                s[t] = i;
                d[t] = j;
                w[t++] = (float) g.values[p];
            }
        }
        return new RelationBatch(m, s, d, w, 0);
    }

    /** Supervised relation inside a batch: weight 1 between distinct rows with the same label (labels below 0: none). */
    public static RelationBatch sameLabel(int[] batchLabels) {
        int m = batchLabels.length;
        int count = 0;
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) if (i != j && batchLabels[i] >= 0 && batchLabels[i] == batchLabels[j]) count++;
        int[] s = new int[count];
        int[] d = new int[count];
        float[] w = new float[count];
        int t = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                if (i == j || batchLabels[i] < 0 || batchLabels[i] != batchLabels[j]) continue;
                s[t] = i;
                d[t] = j;
                w[t++] = 1f;
            }
        }
        return new RelationBatch(m, s, d, w, 0);
    }

    private static RelationBatch fromCsr(CsrMatrix g, int views) {
        int count = 0;
        for (double v : g.values) if (v != 0) count++;
        int[] s = new int[count];
        int[] d = new int[count];
        float[] w = new float[count];
        int t = 0;
        for (int i = 0; i < g.rows; i++) {
            for (int p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) {
                if (g.values[p] == 0) continue;
                s[t] = i;
                d[t] = g.colIndex[p];
                w[t++] = (float) g.values[p];
            }
        }
        return new RelationBatch(g.rows, s, d, w, views);
    }

    /** Number of rows m of the batch. */
    public int size() {
        return size;
    }

    /** Number of stored ordered pairs (twice the number of undirected edges). */
    public int edgeCount() {
        return src.length;
    }

    /** Source row of each ordered pair (not a copy: do not modify). */
    public int[] sources() {
        return src;
    }

    /** Target row of each ordered pair (not a copy: do not modify). */
    public int[] targets() {
        return dst;
    }

    public float weight(int edge) {
        return weight[edge];
    }

    /** d_i = sum_j G_ij. */
    public double degree(int row) {
        return degree[row];
    }

    /** sum_ij G_ij. */
    public double totalWeight() {
        return totalWeight;
    }

    /** Views per sample when built by {@link #views}, else 0. */
    public int viewsPerSample() {
        return views;
    }

    /** Samples per view block when built by {@link #views}, else 0. */
    public int samples() {
        return views == 0 ? 0 : size / views;
    }

    /** The edge weights as an E x 1 constant on the tape (no copy). */
    public Tensor weightColumn(Tape tape) {
        return tape.input(weightColumn);
    }

    /** The degrees as an m x 1 constant on the tape (no copy). */
    public Tensor degreeColumn(Tape tape) {
        return tape.input(degreeColumn);
    }

    /** The row-normalised weights G_ij / d_i of the ordered pairs as an E x 1 constant (no copy). */
    public Tensor rowNormalizedWeightColumn(Tape tape) {
        return tape.input(targetColumn);
    }

    /** m x 1 constant: 1 for rows with at least one relation, 0 for the others (no copy). */
    public Tensor anchorColumn(Tape tape) {
        return tape.input(anchorColumn);
    }

    /** Number of rows with at least one relation. */
    public int anchorCount() {
        return anchors;
    }

    /** The relation as a sparse m x m matrix. */
    public CsrMatrix toCsr() {
        double[] v = new double[weight.length];
        for (int e = 0; e < v.length; e++) v[e] = weight[e];
        return CsrMatrix.fromTriplets(size, size, src, dst, v, src.length);
    }

    void checkRows(Tensor z) {
        if (z.rows != size) throw new IllegalArgumentException("embedding has " + z.rows + " rows but the relation batch has " + size);
        if (src.length == 0) throw new IllegalArgumentException("relation batch of " + size + " rows has no related pairs");
    }

    @Override
    public String toString() {
        return "RelationBatch[" + size + " rows, " + src.length + " ordered pairs" + (views > 0 ? ", " + views + " views" : "") + "]";
    }
}
