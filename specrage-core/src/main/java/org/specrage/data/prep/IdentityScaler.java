package org.specrage.data.prep;

import org.specrage.data.View;

import java.util.Map;

/** No preprocessing: returns views unchanged. */
public final class IdentityScaler implements Scaler {
    @Override
    public IdentityScaler fit(View trainRows) {
        return this;
    }

    @Override
    public View transform(View v) {
        return v;
    }

    @Override
    public String kind() {
        return "none";
    }

    @Override
    public Map<String, double[]> statistics() {
        return Map.of();
    }
}
