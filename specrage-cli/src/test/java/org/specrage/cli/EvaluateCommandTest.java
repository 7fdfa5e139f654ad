package org.specrage.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void scoresAPermutedPerfectClusteringAsOne() throws Exception {
        Path pred = tmp.resolve("pred.csv");
        Path truth = tmp.resolve("truth.csv");
        Files.writeString(pred, "label\n2\n2\n0\n0\n1\n1\n");
        Files.writeString(truth, "label\n0\n0\n1\n1\n2\n2\n");
        CliRun run = CliRun.of("evaluate", "--pred", pred.toString(), "--labels", truth.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("ACC 1.0000  NMI 1.0000  ARI 1.0000  purity 1.0000"), run.out());
    }

    @Test
    void scoresAgainstTheLabelsOfADataFile() throws Exception {
        Path out = tmp.resolve("run");
        assertEquals(0, CliRun.of("cluster", "-q", "--views", "0", "--out", out.toString()).exitCode());
        Path bundled = tmp.resolve("hw.mat");
        try (var in = DataOptions.class.getResourceAsStream("data/handwritten.mat")) {
            Files.copy(in, bundled);
        }
        CliRun run = CliRun.of("evaluate", "--pred", out.resolve("labels.csv").toString(), "--labels", bundled.toString(),
                "--out", tmp.resolve("scores.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        String report = Files.readString(out.resolve("report.json"));
        String acc = report.replaceAll("(?s).*\"acc\": ([0-9.]+).*", "$1");
        assertTrue(run.out().contains(String.format(java.util.Locale.ROOT, "ACC %.4f", Double.parseDouble(acc))), run.out() + " vs " + acc);
    }

    @Test
    void lengthMismatchIsALabelError() throws Exception {
        Path pred = tmp.resolve("pred.csv");
        Path truth = tmp.resolve("truth.csv");
        Files.writeString(pred, "label\n0\n1\n");
        Files.writeString(truth, "label\n0\n1\n1\n");
        CliRun run = CliRun.of("evaluate", "--pred", pred.toString(), "--labels", truth.toString());
        assertEquals(8, run.exitCode());
        assertTrue(run.err().contains("2 predictions"), run.err());
    }
}
