package org.specrage.methods.specrage.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.MultiViewData;
import org.specrage.data.corrupt.CorruptionKind;
import org.specrage.data.synthetic.SyntheticData;
import org.specrage.methods.exact.ExactSpectralOptions;
import org.specrage.methods.specrage.SpecRageOptions;

class ExperimentsTest {
    /**
     * The per-sample fusion mechanism (SYMMETRIC_FIXED_DEGREES, whose weights are not normalised
     * away) with exactly k output columns: with 3 extra columns on this 300-row, k = 3 problem the
     * embedding has room to fit the corrupted view's outlier structure and the fusion stops moving
     * weight off it (on handwritten, k = 10 + 3, it still moves: see bench/results/specrage/README.md).
     */
    static SpecRageOptions small() {
        return SpecRageOptions.builder(3).hidden(32, 32).epochs(30).neighbors(10, 5).temperature(5).extraDimensions(0)
                .normalization(org.specrage.methods.specrage.AffinityNormalization.SYMMETRIC_FIXED_DEGREES).build();
    }

    @Test
    void robustnessSweepScoresEveryMethodAndReportsFusionWeights(@TempDir Path dir) throws Exception {
        MultiViewData data = SyntheticData.multiViewBlobs(300, 3, 2, 30, 1);
        RobustnessSweep.Options o = new RobustnessSweep.Options(1, new double[] {0, 0.3}, CorruptionKind.OUTLIER, 0, new long[] {2},
                small(), ExactSpectralOptions.defaults(3), 10);
        List<RobustnessRow> rows = RobustnessSweep.run(data, o, null);
        assertEquals(6, rows.size());
        for (RobustnessRow r : rows) assertTrue(r.acc() > 0 && r.acc() <= 1 && r.nmi() >= 0 && r.nmi() <= 1);
        RobustnessRow clean = rows.get(0), corrupted = rows.get(3);
        assertEquals(RobustnessSweep.SPECRAGE, corrupted.method());
        assertEquals(0, clean.corruptedTestRows());
        assertTrue(Double.isNaN(clean.corruptedViewWeightOnCorrupted()));
        assertEquals(18, corrupted.corruptedTestRows(), 8); // about 30% of the 60 held-out rows
        // the fusion network moves weight away from the corrupted view on the corrupted rows
        assertTrue(corrupted.corruptedViewWeightOnCorrupted() < corrupted.cleanViewWeightOnCorrupted(),
                "corrupted view " + corrupted.corruptedViewWeightOnCorrupted() + " vs clean view " + corrupted.cleanViewWeightOnCorrupted());
        assertTrue(corrupted.corruptedViewWeightOnCorrupted() < corrupted.corruptedViewWeightOnClean());
        assertTrue(Double.isNaN(rows.get(4).corruptedViewWeightOnCorrupted()), "uniform fusion has no weights to report");
        RobustnessSweep.writeCsv(rows, dir.resolve("r.csv"));
        List<String> lines = Files.readAllLines(dir.resolve("r.csv"));
        assertEquals(7, lines.size());
        assertEquals(RobustnessRow.CSV_HEADER, lines.get(0));
        RobustnessSweep.plot(rows, "test", dir.resolve("r.png"));
        assertTrue(javax.imageio.ImageIO.read(dir.resolve("r.png").toFile()).getWidth() == 800);
    }

    @Test
    void scaleExperimentTimesOneEpochPerSize() {
        List<ScaleRow> rows = ScaleExperiment.run(new int[] {400, 200}, 2, 3, small().toBuilder().epochs(1).batchSize(100).build(), null);
        assertEquals(2, rows.size());
        assertEquals(200, rows.get(0).n());
        assertEquals(400, rows.get(1).n());
        for (ScaleRow r : rows) {
            assertEquals(1, r.epochs());
            assertTrue(r.trainSeconds() > 0 && r.fitSeconds() >= r.trainSeconds());
            assertTrue(r.heapPoolPeaksBytes() > 0);
            if (Files.isReadable(Path.of("/proc/self/status"))) assertTrue(r.peakRssBytes() > 0, "VmHWM is read on Linux");
        }
    }

    /** The memory columns say what they hold: an unknown RSS is NA (not -0.0), and the heap figure is named a sum of pool peaks. */
    @Test
    void scaleRowsNameTheirMemoryFigures() {
        assertEquals("n,epochs,train_seconds,train_samples_per_second,fit_seconds,peak_rss_mb,heap_pool_peaks_mb", ScaleRow.CSV_HEADER);
        ScaleRow unknown = new ScaleRow(100, 1, 1.5, 66.7, 2, Map.of(), -1, 3 * 1048576L);
        assertEquals("100,1,1.500,66.7,2.000,NA,3.0", unknown.csv());
        ScaleRow known = new ScaleRow(100, 1, 1.5, 66.7, 2, Map.of(), 512 * 1048576L, 3 * 1048576L);
        assertEquals("100,1,1.500,66.7,2.000,512.0,3.0", known.csv());
    }

    @Test
    void heldOutProtocolSplitsEightyTwenty() {
        MultiViewData data = SyntheticData.multiViewBlobs(200, 3, 2, 4, 5);
        HeldOutResult r = HeldOutEvaluation.run(data, small(), 3, 10);
        assertEquals(160, r.trainRows());
        assertEquals(40, r.testRows());
        assertTrue(r.heldOut().acc() > 0.95);
        Summary s = Summary.of(List.of(1.0, 2.0, 3.0), x -> x);
        assertEquals(2.0, s.mean(), 1e-12);
        assertEquals(1.0, s.std(), 1e-12);
    }
}
