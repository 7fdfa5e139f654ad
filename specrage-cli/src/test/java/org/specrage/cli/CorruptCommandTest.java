package org.specrage.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.MultiViewData;
import org.specrage.data.io.DataLoader;
import org.specrage.data.io.LoadOptions;

class CorruptCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTheCorruptedCopyAndTheHitRows() throws Exception {
        Path out = tmp.resolve("hw-bad.mat");
        CliRun run = CliRun.of("corrupt", "--views", "0,2", "--view", "1", "--fraction", "0.3", "--kind", "outlier",
                "--seed", "5", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        MultiViewData bad = DataLoader.load(out, LoadOptions.defaults());
        assertEquals(2, bad.viewCount());
        assertEquals(216, bad.view(1).cols());
        List<String> rows = Files.readAllLines(tmp.resolve("hw-bad.corrupted-rows.csv"));
        assertEquals("row", rows.get(0));
        assertEquals(601, rows.size());
        // view 0 is untouched; view 1 differs from the original exactly in the listed rows
        Path bundled = tmp.resolve("hw.mat");
        try (var in = DataOptions.class.getResourceAsStream("data/handwritten.mat")) {
            Files.copy(in, bundled);
        }
        MultiViewData original = DataLoader.load(bundled, LoadOptions.defaults()).selectViews(0, 2);
        assertEquals(original.view(0).dense(), bad.view(0).dense());
        java.util.Set<Integer> hit = new java.util.HashSet<>();
        for (String r : rows.subList(1, rows.size())) hit.add(Integer.parseInt(r));
        var a = original.view(1).dense();
        var b = bad.view(1).dense();
        for (int r = 0; r < a.rows; r++) {
            boolean same = java.util.Arrays.equals(java.util.Arrays.copyOfRange(a.data, r * a.cols, (r + 1) * a.cols),
                    java.util.Arrays.copyOfRange(b.data, r * b.cols, (r + 1) * b.cols));
            assertEquals(!hit.contains(r), same, "row " + r);
        }
    }

    @Test
    void outliersStayWithinEachFeaturesRangeByDefaultAsInBenchRobustness() throws Exception {
        Path out = tmp.resolve("hw-out.mat");
        CliRun run = CliRun.of("corrupt", "--views", "0,2", "--view", "1", "--fraction", "0.3", "--kind", "outlier", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Path bundled = tmp.resolve("hw.mat");
        try (var in = DataOptions.class.getResourceAsStream("data/handwritten.mat")) {
            Files.copy(in, bundled);
        }
        var a = DataLoader.load(bundled, LoadOptions.defaults()).selectViews(0, 2).view(1).dense();
        var b = DataLoader.load(out, LoadOptions.defaults()).view(1).dense();
        for (int c = 0; c < a.cols; c++) {
            float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
            for (int r = 0; r < a.rows; r++) {
                min = Math.min(min, a.get(r, c));
                max = Math.max(max, a.get(r, c));
            }
            for (int r = 0; r < b.rows; r++) assertTrue(b.get(r, c) >= min && b.get(r, c) <= max, "column " + c + " row " + r);
        }
        assertEquals(0.0, CorruptCommand.strengthOrDefault(null, org.specrage.data.corrupt.CorruptionKind.OUTLIER));
        assertEquals(1.0, CorruptCommand.strengthOrDefault(null, org.specrage.data.corrupt.CorruptionKind.GAUSSIAN));
    }

    @Test
    void rejectsAMissingView() {
        CliRun run = CliRun.of("corrupt", "--view", "9", "--fraction", "0.3", "--kind", "zero", "--out", tmp.resolve("x.mat").toString());
        assertEquals(10, run.exitCode());
        assertTrue(run.err().contains("view 9"), run.err());
    }
}
