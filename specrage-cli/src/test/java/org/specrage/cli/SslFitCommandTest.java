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
        assertTrue(Files.size(out.resolve("encoder.sprp")) > 0);
    }

    @Test
    void needsHeldOutRows() throws Exception {
        CliRun run = CliRun.of("fit", "-q", "--method", "simclr", "--data", images(40).toString(), "--test-fraction", "0",
                "--out", tmp.resolve("x").toString());
        assertEquals(10, run.exitCode(), run.err());
        assertTrue(run.err().contains("held-out rows"), run.err());
    }
}
