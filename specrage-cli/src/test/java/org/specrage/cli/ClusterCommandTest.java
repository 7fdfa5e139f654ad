package org.specrage.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.MultiViewData;
import org.specrage.data.io.NpyReader;
import org.specrage.io.Json;
import org.specrage.linalg.FMatrix;

class ClusterCommandTest {
    @TempDir
    Path tmp;

    /** --mat-views and --mat-labels name a MAT file's variables; a wrong name fails clearly. */
    @Test
    void matVariablesCanBeNamed() throws Exception {
        Path mat = tmp.resolve("mv.mat");
        assertEquals(0, CliRun.of("generate", "multiview-blobs", "--n", "120", "--views", "2", "--out", mat.toString()).exitCode());
        CliRun named = CliRun.of("cluster", "-q", "--data", mat.toString(), "--mat-views", "X", "--mat-labels", "Y");
        assertEquals(0, named.exitCode(), named.err());
        assertTrue(named.out().contains("ACC"), named.out());
        CliRun wrong = CliRun.of("cluster", "-q", "--data", mat.toString(), "--mat-labels", "labels_here");
        assertNotEquals(0, wrong.exitCode());
        assertTrue(wrong.err().contains("labels_here"), wrong.err());
    }

    @Test
    void clustersTheBundledDataAndWritesItsOutputs() throws Exception {
        Path out = tmp.resolve("run");
        CliRun run = CliRun.of("cluster", "-q", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("n 2000, 6 views"), run.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) Json.parse(Files.readString(out.resolve("report.json")));
        for (String key : new String[] {"acc", "nmi", "ari", "purity", "n", "k", "seed", "wall_seconds", "options"}) {
            assertTrue(report.containsKey(key), "report lacks " + key);
        }
        assertEquals(2000L, report.get("n"));
        assertEquals(10L, report.get("k"));
        // all six views joined, min-max, kNN 10: the foundation's accuracy floor
        assertTrue((Double) report.get("acc") >= 0.93, "ACC " + report.get("acc"));
        assertEquals(2001, Files.readAllLines(out.resolve("labels.csv")).size());
        FMatrix embedding = NpyReader.readMatrix(out.resolve("embedding.npy"));
        assertEquals(2000, embedding.rows);
        assertEquals(10, embedding.cols);
    }

    @Test
    void viewSubsetAndMeanLaplacian() {
        CliRun run = CliRun.of("cluster", "-q", "--views", "0,2", "--combine", "mean-laplacian", "--neighbors", "8");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("2 views [240, 216]"), run.out());
        assertTrue(run.out().contains("ACC "), run.out());
    }

    @Test
    void aScaleWithAnAffinityThatHasNoneIsRefused() {
        for (String[] scale : new String[][] {{"--scale", "local"}, {"--scale-k", "3"}}) {
            CliRun run = CliRun.of("cluster", "-q", "--views", "1", "--affinity", "cosine", scale[0], scale[1]);
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains(scale[0] + " sets the Gaussian affinity's scale; --affinity cosine has none"), run.err());
        }
        assertEquals(0, CliRun.of("cluster", "-q", "--views", "1", "--affinity", "gaussian", "--scale", "local").exitCode());
    }

    /** k near n makes k-means slow (the embedding has k columns): the user is told before the wait, not after. */
    @Test
    void kAboveHalfTheSamplesIsWarnedAbout() {
        Path csv = tmp.resolve("blobs.csv");
        assertEquals(0, CliRun.of("generate", "blobs", "--n", "40", "--k", "3", "--out", csv.toString()).exitCode());
        CliRun many = CliRun.of("cluster", "-q", "--data", csv.toString(), "--k", "21", "--neighbors", "5", "--restarts", "2");
        assertEquals(0, many.exitCode(), many.err());
        assertTrue(many.err().contains("warning: k (21) is more than half the number of samples (40)"), many.err());
        assertTrue(many.err().contains("2 restarts"), many.err());
        CliRun half = CliRun.of("cluster", "-q", "--data", csv.toString(), "--k", "20", "--neighbors", "5");
        assertEquals(0, half.exitCode(), half.err());
        assertFalse(half.err().contains("warning: k"), half.err());
        // more clusters than samples is an error, not a slow run
        CliRun tooMany = CliRun.of("cluster", "-q", "--data", csv.toString(), "--k", "41", "--neighbors", "5");
        assertEquals(10, tooMany.exitCode(), tooMany.err());
        assertFalse(tooMany.err().contains("warning: k"), tooMany.err());
    }

    @Test
    void generatedMoonsAreSeparated() {
        Path csv = tmp.resolve("moons.csv");
        assertEquals(0, CliRun.of("generate", "moons", "--n", "800", "--noise", "0.05", "--seed", "3", "--out", csv.toString()).exitCode());
        CliRun run = CliRun.of("cluster", "-q", "--data", csv.toString(), "--preprocess", "none");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("ACC 1.0000") || run.out().contains("ACC 0.99"), run.out());
    }

    @Test
    void generatedMultiViewDataRoundTrips() throws Exception {
        Path mat = tmp.resolve("mv.mat");
        assertEquals(0, CliRun.of("generate", "multiview-blobs", "--n", "300", "--views", "3", "--k", "4", "--dim", "5",
                "--out", mat.toString()).exitCode());
        MultiViewData data = org.specrage.data.io.DataLoader.load(mat, org.specrage.data.io.LoadOptions.defaults());
        assertEquals(3, data.viewCount());
        assertEquals(300, data.rows());
        assertEquals(4, data.classCount());
        CliRun info = CliRun.of("info", "--data", mat.toString());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("300"), info.out());
    }

    @Test
    void sameSeedGivesTheSameLabels() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertEquals(0, CliRun.of("cluster", "-q", "--seed", "7", "--views", "1", "--out", a.toString()).exitCode());
        assertEquals(0, CliRun.of("cluster", "-q", "--seed", "7", "--views", "1", "--out", b.toString()).exitCode());
        assertEquals(Files.readAllLines(a.resolve("labels.csv")), Files.readAllLines(b.resolve("labels.csv")));
    }
}
