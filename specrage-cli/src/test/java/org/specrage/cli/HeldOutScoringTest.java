package org.specrage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.EmbeddingModel;
import org.specrage.methods.common.StageSummary;

class HeldOutScoringTest {
    /** Embeds rows as they are but clusters their absolute values, like the unit rows of the normalised losses. */
    private static final class AbsoluteRowsModel implements EmbeddingModel {
        public String method() { return "test"; }
        public int[] inputDims() { return new int[] {2}; }
        public String[] inputViewNames() { return new String[1]; }
        public int embeddingDim() { return 2; }
        public int clusters() { return 2; }
        public FMatrix transform(MultiViewData data) { return data.view(0).toDense().copy(); }
        @Override
        public FMatrix clusteringRows(FMatrix embedding) {
            FMatrix out = embedding.copy();
            for (int i = 0; i < out.data.length; i++) out.data[i] = Math.abs(out.data[i]);
            return out;
        }
        public DMatrix centroids() { return new DMatrix(2, 2, new double[] {1, 0, 0, 1}); }
        public Optional<double[]> eigenvalues() { return Optional.empty(); }
        public long seed() { return 0; }
        public Map<String, Object> options() { return Map.of(); }
        public List<StageSummary> stages() { return List.of(); }
        public void save(Path dir) { throw new UnsupportedOperationException(); }
    }

    @Test
    void bothScoresUseTheSpaceTheCentroidsLiveIn() {
        // rows 1 and 3 are nearer the wrong centroid in the raw embedding, nearer the right one in clustering rows
        FMatrix rows = new FMatrix(4, 2, new float[] {1f, 0.1f, -1f, 0.1f, 0.1f, 1f, 0.1f, -1f});
        MultiViewData test = new MultiViewData(List.of(View.dense(rows)), new int[] {0, 0, 1, 1}, "test");
        HeldOutScoring.Result r = HeldOutScoring.score(new AbsoluteRowsModel(), test, 0, 5);
        assertEquals(1.0, r.centroids().acc(), 1e-12);
        assertEquals(1.0, r.refit().acc(), 1e-12);
    }
}
