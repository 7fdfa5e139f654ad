package org.specrage.data.prep;

import org.specrage.data.View;

import java.util.Map;

/**
 * A per-view feature transformation whose statistics are learned on training rows only and then
 * applied to any rows. Implementations are immutable: {@link #fit} returns a fitted scaler.
 */
public interface Scaler {
    /** A fitted copy, with statistics computed from these (training) rows. */
    Scaler fit(View trainRows);

    /** The rows transformed with the fitted statistics; a new view, the input is not modified. */
    View transform(View v);

    /** The name {@link Preprocessing#scaler(String)} knows this scaler by: "minmax", "standard", "l2", "tfidf" or "none". */
    String kind();

    /** Named per-column statistics (copies), so a model file can store them and {@link Preprocessing#restore} rebuild the scaler. */
    Map<String, double[]> statistics();

    default View fitTransform(View trainRows) {
        return fit(trainRows).transform(trainRows);
    }
}
