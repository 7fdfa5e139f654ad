package org.specrage.methods.common;

import org.specrage.linalg.Blas;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;

/**
 * A model's final matrix, computed from its networks' output on all training rows, and the training
 * embedding it gives (output times matrix), which k-means then clusters.
 */
public record TrainingEmbedding(DMatrix matrix, FMatrix embedding) {
    /**
     * The orthonormalisation A of the output (SpectralNet, SpecRaGE), so that the training embedding
     * has Y^T Y = n I; a failure here ends training with advice (methodName starts the message).
     */
    public static TrainingEmbedding orthonormalised(OrthoMethod method, FMatrix output, String methodName) {
        DMatrix a;
        try {
            a = new Orthonormalizer(method).constant(output);
        } catch (StepFailure e) {
            throw new TrainingFailedException(methodName + ": the trained network's output on the training set cannot be orthonormalised: "
                    + e.getMessage() + ". Try a lower learning rate fewer clusters (k), or fewer extra_dimensions (data with few distinct rows).");
        }
        return new TrainingEmbedding(a, ModelFiles.multiply(output, a));
    }

    /**
     * This matrix times a Rayleigh-Ritz rotation R (see {@link RitzProjection}), and the training
     * embedding output (A R) it gives.
     */
    public TrainingEmbedding rotated(DMatrix rotation, FMatrix output) {
        DMatrix rotatedMatrix = new DMatrix(matrix.rows, rotation.cols);
        Blas.dgemm(false, false, 1.0, matrix, rotation, 0.0, rotatedMatrix);
        return new TrainingEmbedding(rotatedMatrix, ModelFiles.multiply(output, rotatedMatrix));
    }
}
