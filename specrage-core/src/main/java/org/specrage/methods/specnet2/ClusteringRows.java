package org.specrage.methods.specnet2;

import org.specrage.linalg.FMatrix;

/**
 * The rows k-means clusters for a SpecNet2 embedding. The embedding holds the top non-trivial
 * generalised eigenvectors of W v = lambda D v, scaled so that U^T D U = vol I; the trivial one (the
 * constant) is deflated away.
 */
public enum ClusteringRows {
    /**
     * Unit rows of [1, u_2 .. u_k]: the constant put back as a column of ones (its D-norm is then
     * that of the others) and the first k - 1 eigenvectors. These are the rows of Ng, Jordan and
     * Weiss's embedding (the top k eigenvectors of D^-1/2 W D^-1/2, unit rows), which exact spectral
     * clustering uses: D^1/2 scales each row as a whole and the unit rows undo it.
     */
    NORMALIZED,
    /** The embedding itself (models saved before this choice existed). */
    EMBEDDING;

    /** The clustering rows of an embedding for k clusters. */
    FMatrix of(FMatrix embedding, int k) {
        if (this == EMBEDDING) return embedding;
        int kept = Math.min(embedding.cols, k - 1);
        FMatrix rows = new FMatrix(embedding.rows, 1 + kept);
        for (int i = 0; i < embedding.rows; i++) {
            int to = i * rows.cols;
            rows.data[to] = 1f;
            System.arraycopy(embedding.data, i * embedding.cols, rows.data, to + 1, kept);
        }
        FMatrix.scaleRowsToUnit(rows.data, rows.rows, rows.cols);
        return rows;
    }

    /** Width of the clustering rows of an embedding of the given width, for k clusters. */
    int width(int embeddingDim, int k) {
        return this == EMBEDDING ? embeddingDim : 1 + Math.min(embeddingDim, k - 1);
    }
}
