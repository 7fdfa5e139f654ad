package org.specrage.methods.common;

import org.specrage.data.DataException;
import org.specrage.graph.KnnGraph;
import org.specrage.graph.KnnSearch;
import org.specrage.graph.Metric;
import org.specrage.graph.SparseKnnSearch;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.nn.Mlp;
import org.specrage.tensor.SparseRows;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;
import org.specrage.util.Progress;

/**
 * The rows a network is trained on: dense, or sparse (a bag-of-words view) and fed to the first
 * layer as sparse rows, so a wide sparse view never exists as a dense matrix. Holds a reusable
 * batch buffer: one instance serves one thread.
 */
public abstract class RowInput {
    private final int rows;
    private final int cols;
    private int[] identity;

    private RowInput(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
    }

    public static RowInput of(FMatrix x) {
        return new Dense(x);
    }

    public static RowInput of(CsrMatrix x) {
        return new Sparse(x);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The exact k-nearest-neighbour graph of the rows (sparse rows are searched sparsely). */
    public abstract KnnGraph knn(int k, Metric metric);

    /** The network's output for rows order[from..to), recorded on the tape. */
    public abstract Tensor forward(Mlp net, Tape tape, int[] order, int from, int to);

    /** Rows order[from..to) written out densely as a constant on the tape (a reconstruction target). */
    public abstract Tensor denseRows(Tape tape, int[] order, int from, int to);

    /** Whether the rows are sparse. */
    public abstract boolean isSparse();

    /** Writes rows order[from..to) densely into out (row-major, at least (to - from) x cols). */
    public abstract void fillDense(int[] order, int from, int to, float[] out);

    /** A buffer for {@link #fillSparse}, or null for dense rows. */
    public abstract SparseRows newSparseBuffer();

    /** Refills a buffer from {@link #newSparseBuffer} with rows order[from..to) (sparse rows only). */
    public abstract void fillSparse(int[] order, int from, int to, SparseRows buffer);

    /** The FIXED batch bandwidth from all rows ({@link BatchAffinity#datasetScale}), sparse rows searched sparsely. */
    public abstract double datasetScale(int scaleK);

    /**
     * The same rows with a batch buffer of their own, for a second batch recorded on a tape while the
     * first is still needed there (sparse rows are referenced by the tape until its backward pass).
     */
    public abstract RowInput withOwnBuffer();

    /**
     * All rows as one dense matrix (the matrix itself for dense rows). Sparse rows that would not fit
     * written out densely (see {@link InputPipeline#denseFits}) fail with a message naming the ways round.
     */
    public abstract FMatrix toDense();

    /** The network's output for every row, in chunks of {@link Inference#CHUNK}, as a new matrix. */
    public FMatrix apply(Mlp net) {
        return apply(net, new Tape());
    }

    /** As {@link #apply(Mlp)} on a given tape (reset here), so that repeated passes reuse its buffers. */
    public FMatrix apply(Mlp net, Tape tape) {
        if (rows() == 0) throw new IllegalArgumentException("no rows to map through the network");
        if (identity == null) {
            identity = new int[rows()];
            for (int i = 0; i < identity.length; i++) identity[i] = i;
        }
        FMatrix out = null;
        for (int from = 0; from < rows(); from += Inference.CHUNK) {
            int to = Math.min(rows(), from + Inference.CHUNK);
            tape.reset();
            Tensor y = forward(net, tape, identity, from, to);
            if (out == null) out = new FMatrix(rows(), y.cols);
            System.arraycopy(y.data(), 0, out.data, from * y.cols, y.size());
        }
        tape.reset();
        return out;
    }

    private static final class Dense extends RowInput {
        private final FMatrix x;

        Dense(FMatrix x) {
            super(x.rows, x.cols);
            this.x = x;
        }

        @Override
        public KnnGraph knn(int k, Metric metric) {
            return KnnSearch.exact(x, k, metric, Progress.NONE);
        }

        @Override
        public Tensor forward(Mlp net, Tape tape, int[] order, int from, int to) {
            return net.forward(tape.inputRows(x, order, from, to));
        }

        @Override
        public Tensor denseRows(Tape tape, int[] order, int from, int to) {
            return tape.inputRows(x, order, from, to);
        }

        @Override
        public boolean isSparse() {
            return false;
        }

        @Override
        public FMatrix toDense() {
            return x;
        }

        @Override
        public RowInput withOwnBuffer() {
            return this; // dense batches are copied onto the tape
        }

        @Override
        public void fillDense(int[] order, int from, int to, float[] out) {
            int d = x.cols;
            for (int i = from; i < to; i++) System.arraycopy(x.data, order[i] * d, out, (i - from) * d, d);
        }

        @Override
        public SparseRows newSparseBuffer() {
            return null;
        }

        @Override
        public void fillSparse(int[] order, int from, int to, SparseRows buffer) {
            throw new IllegalStateException("the rows are dense");
        }

        @Override
        public double datasetScale(int scaleK) {
            return BatchAffinity.datasetScale(x, scaleK);
        }
    }

    private static final class Sparse extends RowInput {
        private final CsrMatrix x;
        private final SparseRows buffer;

        Sparse(CsrMatrix x) {
            super(x.rows, x.cols);
            this.x = x;
            this.buffer = new SparseRows(x.cols);
        }

        @Override
        public KnnGraph knn(int k, Metric metric) {
            return SparseKnnSearch.exact(x, k, metric, Progress.NONE);
        }

        @Override
        public Tensor forward(Mlp net, Tape tape, int[] order, int from, int to) {
            buffer.setRows(x, order, from, to);
            return net.forward(tape, buffer);
        }

        @Override
        public Tensor denseRows(Tape tape, int[] order, int from, int to) {
            Tensor out = tape.blank(to - from, x.cols);
            fillDense(order, from, to, out.data());
            return out;
        }

        @Override
        public boolean isSparse() {
            return true;
        }

        @Override
        public RowInput withOwnBuffer() {
            return new Sparse(x);
        }

        @Override
        public void fillDense(int[] order, int from, int to, float[] out) {
            java.util.Arrays.fill(out, 0, (to - from) * x.cols, 0f);
            for (int i = from; i < to; i++) {
                int r = order[i], base = (i - from) * x.cols;
                for (int k = x.rowStart[r]; k < x.rowStart[r + 1]; k++) out[base + x.colIndex[k]] = (float) x.values[k];
            }
        }

        @Override
        public SparseRows newSparseBuffer() {
            return new SparseRows(x.cols);
        }

        @Override
        public void fillSparse(int[] order, int from, int to, SparseRows buffer) {
            buffer.setRows(x, order, from, to);
        }

        @Override
        public double datasetScale(int scaleK) {
            return BatchAffinity.datasetScale(x, scaleK);
        }

        @Override
        public FMatrix toDense() {
            long heap = Runtime.getRuntime().maxMemory();
            if (!InputPipeline.denseFits(x.rows, x.cols, heap)) {
                throw new DataException(DataException.Kind.INVALID_ARGUMENT, String.format(java.util.Locale.ROOT,
                        "this step needs the sparse input as dense rows (Fourier features do): %d rows x %d columns is %.1f GB of floats,"
                                + " against a heap of %.1f GB. Leave out fourier_features for sparse input, train an autoencoder first"
                                + " (--autoencoder: its codes are dense and small), or give Java more memory (SPECRAGE_JAVA_OPTS=-Xmx...)",
                        x.rows, x.cols, (double) x.rows * x.cols * Float.BYTES / 1e9, heap / 1e9));
            }
            return x.toDense();
        }
    }
}
