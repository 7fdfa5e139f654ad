package org.specrage.methods.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.model.Manifest;
import org.specrage.model.ModelDirectory;
import org.specrage.model.ModelFormatException;

/** Manifest entries shared by the embedding models. */
public final class ModelFiles {
    private ModelFiles() {
    }

    /** The common head of a manifest: method, library version, seed, dims, input pipeline, centroids, stages. */
    public static Map<String, Object> head(String method, long seed, InputPipeline pipeline, int embeddingDim,
                                           DMatrix centroids, Map<String, Object> options, List<StageSummary> stages) {
        Map<String, Object> m = Manifest.newObject();
        m.put("method", method);
        m.put("library_version", ModelDirectory.libraryVersion());
        m.put("seed", seed);
        m.put("input_dims", pipeline.viewDims());
        m.put("embedding_dim", embeddingDim);
        m.put("clusters", centroids.rows);
        m.put("options", options);
        m.put("input", pipeline.toJson());
        m.put("centroids", Manifest.matrix(centroids));
        List<Map<String, Object>> stageList = new ArrayList<>();
        for (StageSummary s : stages) stageList.add(s.toJson());
        Map<String, Object> metrics = Manifest.newObject();
        metrics.put("stages", stageList);
        m.put("metrics", metrics);
        return m;
    }

    /** The input pipeline, checked against "input_dims". */
    public static InputPipeline pipeline(Manifest m) throws ModelFormatException {
        InputPipeline pipeline = InputPipeline.fromJson(m.objects("input"));
        if (!java.util.Arrays.equals(pipeline.viewDims(), m.ints("input_dims"))) {
            throw new ModelFormatException("the model's input_dims " + java.util.Arrays.toString(m.ints("input_dims"))
                    + " disagree with its input description " + java.util.Arrays.toString(pipeline.viewDims()));
        }
        return pipeline;
    }

    public static List<StageSummary> stages(Manifest m) throws ModelFormatException {
        List<StageSummary> out = new ArrayList<>();
        for (Manifest s : m.object("metrics").objects("stages")) out.add(StageSummary.fromJson(s));
        return out;
    }

    /** A finite matrix entry of the manifest. */
    public static DMatrix finiteMatrix(Manifest m, String key, int rows, int cols) throws ModelFormatException {
        DMatrix d = m.matrix(key, rows, cols);
        for (double v : d.data) if (!Double.isFinite(v)) throw new ModelFormatException("\"" + key + "\" holds a non-finite value");
        return d;
    }

    /** Y = X A with X float (n x k) and A double (k x c), accumulated in double. */
    public static FMatrix multiply(FMatrix x, DMatrix a) {
        return multiplyInto(x, a, new FMatrix(x.rows, a.cols));
    }

    /** {@link #multiply} into a given n x c matrix; returns it. */
    public static FMatrix multiplyInto(FMatrix x, DMatrix a, FMatrix y) {
        if (x.cols != a.rows) throw new IllegalArgumentException("cannot multiply " + x.rows + " x " + x.cols + " by " + a.rows + " x " + a.cols);
        int n = x.rows, k = x.cols, c = a.cols;
        if (y.rows != n || y.cols != c) throw new IllegalArgumentException("output must be " + n + " x " + c);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < c; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s += x.data[i * k + p] * a.data[p * c + j];
                y.data[i * c + j] = (float) s;
            }
        }
        return y;
    }
}
