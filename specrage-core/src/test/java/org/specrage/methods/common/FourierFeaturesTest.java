package org.specrage.methods.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.specrage.io.Json;
import org.specrage.linalg.FMatrix;
import org.specrage.model.Manifest;
import org.specrage.model.ModelFormatException;

class FourierFeaturesTest {
    @Test
    void cosinesThenSinesOfTheProjections() throws ModelFormatException {
        FourierFeatures f = FourierFeatures.random(2, 3, 0.7, 5);
        assertEquals(6, f.outputDim());
        FMatrix x = new FMatrix(2, 2, new float[] {0.3f, -1.2f, 2f, 0.5f});
        FMatrix y = f.apply(x);
        List<double[]> b = f.toJson();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                double p = 2 * Math.PI * (b.get(j)[0] * x.get(i, 0) + b.get(j)[1] * x.get(i, 1));
                assertEquals(Math.cos(p), y.get(i, j), 1e-6);
                assertEquals(Math.sin(p), y.get(i, 3 + j), 1e-6);
            }
        }
        Map<String, Object> m = Manifest.newObject();
        m.put("fourier_frequencies", b);
        @SuppressWarnings("unchecked")
        Manifest parsed = new Manifest((Map<String, Object>) Json.parse(Json.write(m)), "test");
        assertArrayEquals(y.data, FourierFeatures.fromJson(parsed, "fourier_frequencies", 3, 2).apply(x).data);
        assertThrows(ModelFormatException.class, () -> FourierFeatures.fromJson(parsed, "fourier_frequencies", 4, 2));
        assertThrows(IllegalArgumentException.class, () -> f.apply(new FMatrix(1, 3)));
    }

    @Test
    void frequenciesHaveTheRequestedScale() {
        FourierFeatures f = FourierFeatures.random(4, 5000, 2.0, 1);
        double sum = 0, squares = 0;
        int count = 0;
        for (double[] row : f.toJson()) {
            for (double v : row) {
                sum += v;
                squares += v * v;
                count++;
            }
        }
        assertEquals(0.0, sum / count, 0.05);
        assertEquals(2.0, Math.sqrt(squares / count), 0.05);
    }
}
