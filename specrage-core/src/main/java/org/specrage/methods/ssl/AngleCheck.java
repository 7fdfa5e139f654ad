package org.specrage.methods.ssl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One closed-form check: a loss optimised on a relation against the subspace its theory predicts.
 *
 * @param loss              loss name and weights
 * @param relation          the relation G (kind and size)
 * @param closedForm        the predicted subspace
 * @param nodes             rows of G
 * @param dimension         columns k of the optimised Z
 * @param targetDimension   dimension of the predicted subspace (>= k; larger means "lies inside")
 * @param boundaryEigenvalues the predicted subspace's last eigenvalue and the next one (its gap)
 * @param sines             sines of the principal angles between span(Z) and the prediction, largest first
 * @param tolerance         the largest sine accepted
 * @param finalLoss         loss value at the end of the optimisation
 * @param steps             optimisation steps
 * @param seconds           wall time of the optimisation
 */
public record AngleCheck(String loss, String relation, String closedForm, int nodes, int dimension, int targetDimension,
                         double[] boundaryEigenvalues, double[] sines, double tolerance, double finalLoss, int steps,
                         double seconds) {
    /** Sine of the largest principal angle. */
    public double largestSine() {
        return sines[0];
    }

    public boolean passed() {
        return sines[0] <= tolerance;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", loss);
        m.put("relation", relation);
        m.put("closed_form", closedForm);
        m.put("nodes", nodes);
        m.put("dimension", dimension);
        m.put("target_dimension", targetDimension);
        m.put("boundary_eigenvalues", boundaryEigenvalues.clone());
        m.put("sin_largest_angle", sines[0]);
        m.put("sines", sines.clone());
        m.put("tolerance", tolerance);
        m.put("passed", passed());
        m.put("final_loss", finalLoss);
        m.put("steps", steps);
        m.put("seconds", seconds);
        return m;
    }
}
