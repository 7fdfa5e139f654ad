package org.specrage.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.io.NpyReader;
import org.specrage.io.Json;
import org.specrage.linalg.FMatrix;

class SslFitCommandTest {
    @TempDir
    Path tmp;

    /** 28 x 28 images of two classes: a bright left half or a bright right half, with noise. */
    private Path images(int n) throws Exception {
        Random rnd = new Random(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            for (int p = 0; p < 784; p++) {
                boolean bright = (p % 28 < 14) == (label == 0);
                sb.append(Math.max(0, Math.min(255, (bright ? 200 : 30) + (int) (rnd.nextGaussian() * 20)))).append(',');
            }
            sb.append(label).append('\n');
        }
        Path f = tmp.resolve("images.csv");
        Files.writeString(f, sb);
        return f;
    }

    @Test
    void vicregEncoderIsTrainedAndScoredAgainstRawPixels() throws Exception {
        Path out = tmp.resolve("enc");
        CliRun run = CliRun.of("fit", "-q", "--method", "vicreg", "--data", images(120).toString(), "--test-fraction", "0.25",
                "--epochs", "1", "--batch-size", "32", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("linear probe on held-out rows"), run.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) Json.parse(Files.readString(out.resolve("report.json")));
        double probe = (Double) report.get("probe_test_accuracy");
        double raw = (Double) report.get("raw_pixel_probe_test_accuracy");
        assertTrue(probe >= 0 && probe <= 1 && raw > 0.9, "probe " + probe + ", raw " + raw);
        FMatrix heldOut = NpyReader.readMatrix(out.resolve("heldout-embedding.npy"));
        assertEquals(30, heldOut.rows);
        // the report has the keys every fit's report has
        for (String key : new String[] {"acc", "nmi", "ari", "scored_rows", "heldout_kmeans_refit", "fit_seconds", "stages", "options", "peak_rss_mb"}) {
            assertTrue(report.containsKey(key), key + " missing from " + report.keySet());
        }
        assertEquals("held-out", report.get("scored_rows"));
    }

    @Test
    void theEncoderIsAModelThatTransformAndPredictLoad() throws Exception {
        Path data = images(120);
        Path out = tmp.resolve("enc");
        CliRun fit = CliRun.of("fit", "-q", "--method", "barlow", "--data", data.toString(), "--test-fraction", "0.25",
                "--epochs", "1", "--batch-size", "32", "--k", "2", "--out", out.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        Path emb = tmp.resolve("emb.npy");
        CliRun transform = CliRun.of("transform", "--model", out.toString(), "--data", data.toString(), "--out", emb.toString());
        assertEquals(0, transform.exitCode(), transform.err());
        FMatrix all = NpyReader.readMatrix(emb);
        assertEquals(120, all.rows);
        assertEquals(512, all.cols);
        // the held-out rows' representation written by fit is what transform gives for those rows
        FMatrix heldOut = NpyReader.readMatrix(out.resolve("heldout-embedding.npy"));
        org.specrage.methods.common.EmbeddingModel model = org.specrage.methods.Models.load(out);
        assertEquals("barlow", model.method());
        assertEquals(2, model.clusters());
        org.specrage.data.MultiViewData loaded = org.specrage.data.io.DataLoader.load(data);
        org.specrage.data.Split split = org.specrage.data.Split.random(120, 0.25, 0);
        FMatrix again = model.transform(loaded.selectRows(split.test()));
        assertArrayEquals(heldOut.data, again.data, 1e-5f);
        Path labels = tmp.resolve("pred.csv");
        CliRun predict = CliRun.of("predict", "--model", out.toString(), "--data", data.toString(), "--out", labels.toString());
        assertEquals(0, predict.exitCode(), predict.err());
        assertEquals(121, Files.readAllLines(labels).size(), "a header and one id per row");
    }

    @Test
    void inputScaleFollowsThePixelRange() throws Exception {
        Path data = images(60);
        // the same images in [0, 1]: scaled by 1, not by 1/255
        java.util.List<String> lines = Files.readAllLines(data);
        StringBuilder unit = new StringBuilder();
        for (String line : lines) {
            String[] f = line.split(",");
            for (int i = 0; i < f.length - 1; i++) unit.append(Integer.parseInt(f[i]) / 255.0).append(',');
            unit.append(f[f.length - 1]).append('\n');
        }
        Path unitData = tmp.resolve("unit.csv");
        Files.writeString(unitData, unit);
        for (Path d : new Path[] {data, unitData}) {
            Path out = tmp.resolve("scale-" + d.getFileName());
            CliRun run = CliRun.of("fit", "-q", "--method", "vicreg", "--data", d.toString(), "--epochs", "1", "--batch-size", "16", "--out", out.toString());
            assertEquals(0, run.exitCode(), run.err());
            double scale = org.specrage.methods.ssl.SslModel.load(out).inputScale();
            assertEquals(d == data ? 1 / 255.0 : 1.0, scale, 1e-4, d.getFileName().toString());
        }
    }

    @Test
    void divergenceMetricsLogAndLargeKAreReportedAsSuch() throws Exception {
        Path data = images(60);
        CliRun diverged = CliRun.of("fit", "-q", "--method", "simclr", "--data", data.toString(), "--epochs", "2", "--batch-size", "16",
                "--lr", "1e9", "--out", tmp.resolve("nan").toString());
        assertEquals(ExitCodes.TRAINING_FAILED, diverged.exitCode(), diverged.err());
        CliRun log = CliRun.of("fit", "-q", "--method", "barlow", "--data", data.toString(), "--metrics-log", tmp.resolve("m.jsonl").toString(),
                "--out", tmp.resolve("log").toString());
        assertEquals(ExitCodes.USAGE, log.exitCode(), log.err());
        assertTrue(log.err().contains("--metrics-log"), log.err());
        CliRun tooMany = CliRun.of("fit", "-q", "--method", "vicreg", "--data", data.toString(), "--k", "49", "--out", tmp.resolve("k").toString());
        assertEquals(10, tooMany.exitCode(), tooMany.err());
        assertTrue(tooMany.err().contains("k (49)"), tooMany.err());
        // more clusters than held-out rows: the model and the centroid scores stand, the refit is skipped
        Path out = tmp.resolve("k13");
        CliRun fewHeldOut = CliRun.of("fit", "-q", "--method", "vicreg", "--data", data.toString(), "--k", "13", "--epochs", "1",
                "--batch-size", "16", "--out", out.toString());
        assertEquals(0, fewHeldOut.exitCode(), fewHeldOut.err());
        assertTrue(fewHeldOut.out().contains("skipped: 12 held-out rows, fewer than k = 13"), fewHeldOut.out());
    }

    @Test
    void refittingIntoAModelDirectoryLeavesNoFileOfTheEarlierFit() throws Exception {
        Path data = images(60);
        Path out = tmp.resolve("m");
        assertEquals(0, CliRun.of("fit", "-q", "--method", "vicreg", "--data", data.toString(), "--epochs", "1", "--batch-size", "16",
                "--out", out.toString()).exitCode());
        assertTrue(Files.exists(out.resolve("heldout-embedding.npy")));
        CliRun spectral = CliRun.of("fit", "-q", "--method", "specnet2", "--data", data.toString(), "--k", "2", "--epochs", "1",
                "--batch-size", "16", "--out", out.toString());
        assertEquals(0, spectral.exitCode(), spectral.err());
        assertFalse(Files.exists(out.resolve("heldout-embedding.npy")), "the self-supervised fit's held-out embedding is gone");
        assertTrue(Files.exists(out.resolve("metrics.jsonl")));
        assertEquals(0, CliRun.of("fit", "-q", "--method", "barlow", "--data", data.toString(), "--epochs", "1", "--batch-size", "16",
                "--out", out.toString()).exitCode());
        assertFalse(Files.exists(out.resolve("metrics.jsonl")), "the spectral fit's metrics log is gone");
        assertEquals("barlow", org.specrage.methods.Models.load(out).method());
    }

    @Test
    void needsHeldOutRows() throws Exception {
        CliRun run = CliRun.of("fit", "-q", "--method", "simclr", "--data", images(40).toString(), "--test-fraction", "0",
                "--out", tmp.resolve("x").toString());
        assertEquals(10, run.exitCode(), run.err());
        assertTrue(run.err().contains("held-out rows"), run.err());
    }
}
