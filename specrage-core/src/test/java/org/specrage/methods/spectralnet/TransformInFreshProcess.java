package org.specrage.methods.spectralnet;

import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.Models;
import org.specrage.methods.common.EmbeddingModel;

/** Run in a child JVM by the round-trip test: loads a model and writes transform(blobs) as raw float bits. */
public final class TransformInFreshProcess {
    private TransformInFreshProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddingModel model = Models.load(Path.of(args[0]));
        FMatrix y = model.transform(SpectralNetTest.blobs());
        int[] labels = model.predict(SpectralNetTest.blobs());
        try (DataOutputStream out = new DataOutputStream(new FileOutputStream(args[1]))) {
            out.writeInt(y.rows);
            out.writeInt(y.cols);
            for (float v : y.data) out.writeInt(Float.floatToRawIntBits(v));
            for (int l : labels) out.writeInt(l);
        }
    }
}
