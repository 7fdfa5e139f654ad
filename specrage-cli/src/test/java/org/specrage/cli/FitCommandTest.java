package org.specrage.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.specrage.data.io.NpyReader;
import org.specrage.io.Json;
import org.specrage.linalg.FMatrix;

class FitCommandTest {
    @TempDir
    Path tmp;

    private Path smallNetwork() throws Exception {
        Path f = tmp.resolve("small.json");
        Files.writeString(f, "{\"network\": {\"hidden\": [32, 32]}}");
        return f;
    }

    @Test
    void spectralNetFitSavesAModelThatTransformsAndPredicts() throws Exception {
        Path data = tmp.resolve("blobs.csv");
        assertEquals(0, CliRun.of("generate", "blobs", "--n", "400", "--k", "3", "--dim", "4", "--noise", "0.3", "--out", data.toString()).exitCode());
        Path model = tmp.resolve("model");
        CliRun fit = CliRun.of("fit", "-q", "--method", "spectralnet", "--data", data.toString(), "--epochs", "5", "--batch-size", "128",
                "--method-options", smallNetwork().toString(), "--out", model.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(fit.out().contains("held-out (training centroids): ACC"), fit.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) Json.parse(Files.readString(model.resolve("report.json")));
        for (String key : new String[] {"acc", "nmi", "ari", "n", "k", "seed", "wall_seconds", "options", "stages", "heldout_kmeans_refit"}) {
            assertTrue(report.containsKey(key), "report lacks " + key);
        }
        assertEquals(80L, report.get("test_rows"));
        List<String> log = Files.readAllLines(model.resolve("metrics.jsonl"));
        assertTrue(log.stream().anyMatch(l -> l.contains("\"event\":\"epoch\"")), "no epoch events in the metrics log");

        Path e1 = tmp.resolve("e1.npy");
        Path e2 = tmp.resolve("e2.npy");
        assertEquals(0, CliRun.of("transform", "--model", model.toString(), "--data", data.toString(), "--out", e1.toString()).exitCode());
        // the run options every computing command takes: quiet and a thread count leave the numbers as they are
        assertEquals(0, CliRun.of("transform", "-q", "--threads", "1", "--model", model.toString(), "--data", data.toString(), "--out", e2.toString()).exitCode());
        FMatrix a = NpyReader.readMatrix(e1);
        assertEquals(400, a.rows);
        assertEquals(3, a.cols);
        assertEquals(a, NpyReader.readMatrix(e2));
        CliRun weights = CliRun.of("transform", "--model", model.toString(), "--data", data.toString(), "--out", e1.toString(),
                "--view-weights", tmp.resolve("w.npy").toString());
        assertEquals(2, weights.exitCode(), weights.err());
        assertTrue(weights.err().contains("--view-weights needs a SpecRaGE model"), weights.err());
        Path labels = tmp.resolve("p.csv");
        CliRun predict = CliRun.of("predict", "-q", "--threads", "1", "--model", model.toString(), "--data", data.toString(), "--out", labels.toString());
        assertEquals(0, predict.exitCode(), predict.err());
        assertEquals(401, Files.readAllLines(labels).size());
        // the held-out rows are recorded: predict's ids on them, scored against their labels, give the report's held-out ACC
        double[] heldOut = NpyReader.readVector(model.resolve("heldout-rows.npy"));
        assertEquals(80, heldOut.length);
        List<String> predicted = Files.readAllLines(labels).subList(1, 401);
        org.specrage.data.MultiViewData all = org.specrage.data.io.DataLoader.load(data);
        int[] truth = new int[80], ids = new int[80];
        for (int i = 0; i < 80; i++) {
            truth[i] = all.labels()[(int) heldOut[i]];
            ids[i] = Integer.parseInt(predicted.get((int) heldOut[i]).trim());
        }
        assertEquals((Double) report.get("acc"), org.specrage.metrics.ClusteringMetrics.accuracy(truth, ids), 1e-12);
        // named .npy: a NumPy integer array, which evaluate reads back
        Path npy = tmp.resolve("p.npy");
        assertEquals(0, CliRun.of("predict", "--model", model.toString(), "--data", data.toString(), "--out", npy.toString()).exitCode());
        CliRun same = CliRun.of("evaluate", "--pred", npy.toString(), "--labels", labels.toString());
        assertEquals(0, same.exitCode(), same.err());
        assertTrue(same.out().contains("ACC 1.0000"), same.out());
    }

    /** Without --k and --seed, the method options' k and seed are the ones the fit uses: for the split, the model and the report. */
    @Test
    @SuppressWarnings("unchecked")
    void theMethodOptionsKAndSeedAreTheOnesUsedAndReported() throws Exception {
        Path data = tmp.resolve("b2.csv");
        assertEquals(0, CliRun.of("generate", "blobs", "--n", "200", "--k", "2", "--out", data.toString()).exitCode());
        Path file = tmp.resolve("ko.json");
        Files.writeString(file, "{\"k\": 3, \"seed\": 5}");
        Path fromFile = tmp.resolve("from-file"), fromFlags = tmp.resolve("from-flags");
        assertEquals(0, CliRun.of("fit", "-q", "--method", "spectralnet", "--data", data.toString(), "--method-options", file.toString(),
                "--epochs", "1", "--out", fromFile.toString()).exitCode());
        assertEquals(0, CliRun.of("fit", "-q", "--method", "spectralnet", "--data", data.toString(), "--k", "3", "--seed", "5",
                "--epochs", "1", "--out", fromFlags.toString()).exitCode());
        Map<String, Object> report = (Map<String, Object>) Json.parse(Files.readString(fromFile.resolve("report.json")));
        assertEquals(3L, ((Number) report.get("k")).longValue());
        assertEquals(5L, ((Number) report.get("seed")).longValue());
        Map<String, Object> a = (Map<String, Object>) Json.parse(Files.readString(fromFile.resolve("manifest.json")));
        Map<String, Object> b = (Map<String, Object>) Json.parse(Files.readString(fromFlags.resolve("manifest.json")));
        assertEquals(((Map<String, Object>) b.get("weights")).get("sha256"), ((Map<String, Object>) a.get("weights")).get("sha256"),
                "the same split and seeds give the same weights");
        // a flag still wins over the file
        Path flagWins = tmp.resolve("flag-wins");
        CliRun run = CliRun.of("fit", "-q", "--method", "spectralnet", "--data", data.toString(), "--method-options", file.toString(),
                "--seed", "7", "--epochs", "1", "--out", flagWins.toString());
        assertTrue(run.out().contains("k 3,") && run.out().contains("seed 7"), run.out());
    }

    @Test
    void specRageFitsMultiViewData() throws Exception {
        Path data = tmp.resolve("mv.mat");
        assertEquals(0, CliRun.of("generate", "multiview-blobs", "--n", "300", "--k", "3", "--views", "2", "--dim", "4", "--out", data.toString()).exitCode());
        Path model = tmp.resolve("sr");
        CliRun fit = CliRun.of("fit", "-q", "--method", "specrage", "--data", data.toString(), "--epochs", "2", "--batch-size", "128",
                "--neighbors", "5", "--scale-k", "3", "--method-options", smallNetwork().toString(), "--out", model.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        CliRun predict = CliRun.of("predict", "--model", model.toString(), "--data", data.toString(), "--out", tmp.resolve("p.csv").toString());
        assertEquals(0, predict.exitCode(), predict.err());
        Path weights = tmp.resolve("w.npy");
        CliRun transform = CliRun.of("transform", "--model", model.toString(), "--data", data.toString(), "--out", tmp.resolve("e.npy").toString(),
                "--view-weights", weights.toString());
        assertEquals(0, transform.exitCode(), transform.err());
        assertTrue(transform.out().contains("300 x 2 view weights"), transform.out());
        FMatrix w = NpyReader.readMatrix(weights);
        for (int r = 0; r < w.rows; r++) assertEquals(1.0, w.get(r, 0) + w.get(r, 1), 1e-5);
        CliRun wrongViews = CliRun.of("predict", "--model", model.toString(), "--data", data.toString(), "--views", "0",
                "--out", tmp.resolve("q.csv").toString());
        assertNotEquals(0, wrongViews.exitCode());
        assertFalse(wrongViews.err().contains("\tat "), wrongViews.err());
    }

    @Test
    void aModelOfSomeViewsTakesThemByNameFromTheWholeFile() throws Exception {
        Path model = tmp.resolve("hw02");
        CliRun fit = CliRun.of("fit", "-q", "--method", "specrage", "--views", "0,2", "--epochs", "1", "--neighbors", "5", "--scale-k", "3",
                "--method-options", smallNetwork().toString(), "--out", model.toString()); // the bundled handwritten digits, 6 named views
        assertEquals(0, fit.exitCode(), fit.err());
        Path chosen = tmp.resolve("chosen.npy");
        Path whole = tmp.resolve("whole.npy");
        assertEquals(0, CliRun.of("transform", "--model", model.toString(), "--views", "0,2", "--out", chosen.toString()).exitCode());
        CliRun transform = CliRun.of("transform", "--model", model.toString(), "--out", whole.toString());
        assertEquals(0, transform.exitCode(), transform.err());
        assertTrue(transform.err().contains("takes 2 of the 6 views of 'handwritten' by name: (pixel, profile)"), transform.err());
        assertArrayEquals(Files.readAllBytes(chosen), Files.readAllBytes(whole));
        Path swapped = tmp.resolve("swapped.npy"); // the same views in the other order are put back in the model's order
        assertEquals(0, CliRun.of("transform", "--model", model.toString(), "--views", "2,0", "--out", swapped.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(chosen), Files.readAllBytes(swapped));
        // an explicit --views of another size is refused, not overridden by the names
        CliRun otherViews = CliRun.of("transform", "--model", model.toString(), "--views", "0,2,5", "--out", tmp.resolve("x.npy").toString());
        assertNotEquals(0, otherViews.exitCode());
        assertTrue(otherViews.err().contains("--views chose 3 views but the model was trained on 2 (pixel, profile)"), otherViews.err());
    }

    @Test
    void specRageLossFormAndExtraColumnsComeFromMethodOptions() throws Exception {
        Path data = tmp.resolve("mv2.mat");
        assertEquals(0, CliRun.of("generate", "multiview-blobs", "--n", "200", "--k", "3", "--views", "2", "--dim", "4", "--out", data.toString()).exitCode());
        Path options = tmp.resolve("fixed.json");
        Files.writeString(options, "{\"network\": {\"hidden\": [16]}, \"normalization\": \"symmetric_fixed_degrees\", \"extra_dimensions\": 2}");
        Path model = tmp.resolve("fixed");
        CliRun fit = CliRun.of("fit", "-q", "--method", "specrage", "--data", data.toString(), "--epochs", "2", "--batch-size", "64",
                "--neighbors", "5", "--scale-k", "3", "--method-options", options.toString(), "--out", model.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        String manifest = Files.readString(model.resolve("manifest.json")).toLowerCase(java.util.Locale.ROOT);
        assertTrue(manifest.contains("\"symmetric-fixed-degrees\""), manifest);
        assertTrue(manifest.contains("\"extra_dimensions\": 2"), manifest);
        CliRun transform = CliRun.of("transform", "--model", model.toString(), "--data", data.toString(), "--out", tmp.resolve("e.npy").toString());
        assertEquals(0, transform.exitCode(), transform.err());
        Files.writeString(options, "{\"normalization\": \"sideways\"}");
        CliRun bad = CliRun.of("fit", "-q", "--method", "specrage", "--data", data.toString(), "--method-options", options.toString(),
                "--out", tmp.resolve("bad").toString());
        assertNotEquals(0, bad.exitCode());
        assertTrue(bad.err().contains("normalization"), bad.err());
        assertFalse(bad.err().contains("\tat "), bad.err());
    }

    /** As cluster does: the training embedding has k columns, so k near the training rows makes its k-means slow. */
    @Test
    void kAboveHalfTheTrainingRowsIsWarnedAbout() throws Exception {
        Path data = tmp.resolve("blobs.csv");
        assertEquals(0, CliRun.of("generate", "blobs", "--n", "50", "--k", "3", "--out", data.toString()).exitCode());
        Files.writeString(tmp.resolve("restarts.json"), "{\"kmeans_restarts\": 2}");
        // 40 training rows of 50 (--test-fraction 0.2)
        CliRun many = CliRun.of("fit", "-q", "--method", "spectralnet", "--data", data.toString(), "--k", "21", "--epochs", "1",
                "--neighbors", "5", "--method-options", tmp.resolve("restarts.json").toString(), "--out", tmp.resolve("m").toString());
        assertEquals(0, many.exitCode(), many.err());
        assertTrue(many.err().contains("warning: k (21) is more than half the number of training rows (40)"), many.err());
        assertTrue(many.err().contains("2 restarts"), many.err());
        assertTrue(many.err().contains("fewer \"kmeans_restarts\" in --method-options"), many.err());
        CliRun half = CliRun.of("fit", "-q", "--method", "spectralnet", "--data", data.toString(), "--k", "20", "--epochs", "1",
                "--neighbors", "5", "--out", tmp.resolve("m").toString());
        assertEquals(0, half.exitCode(), half.err());
        assertFalse(half.err().contains("warning: k"), half.err());
    }

    @Test
    void badRequestsFailCleanly() throws Exception {
        Path data = tmp.resolve("blobs.csv");
        CliRun.of("generate", "blobs", "--n", "100", "--out", data.toString());
        CliRun noSplit = CliRun.of("fit", "-q", "--method", "spectralnet", "--data", data.toString(), "--test-split", "test", "--out", tmp.resolve("m").toString());
        assertEquals(10, noSplit.exitCode(), noSplit.err());
        CliRun fusion = CliRun.of("fit", "-q", "--method", "spectralnet", "--data", data.toString(), "--fusion", "uniform", "--out", tmp.resolve("m").toString());
        assertEquals(2, fusion.exitCode(), fusion.err());
        CliRun wholeTest = CliRun.of("fit", "-q", "--method", "spectralnet", "--data", data.toString(), "--test-fraction", "1", "--out", tmp.resolve("m").toString());
        assertEquals(2, wholeTest.exitCode(), wholeTest.err());
        CliRun maxSeconds = CliRun.of("fit", "-q", "--method", "spectralnet", "--data", data.toString(), "--max-seconds", "5", "--out", tmp.resolve("m").toString());
        assertEquals(2, maxSeconds.exitCode(), maxSeconds.err());
        CliRun ssl = CliRun.of("fit", "-q", "--method", "barlow", "--data", data.toString(), "--siamese", "--neighbors", "5", "--out", tmp.resolve("m").toString());
        assertEquals(2, ssl.exitCode(), ssl.err());
        assertTrue(ssl.err().contains("--neighbors, --siamese are not options of --method barlow"), ssl.err());
        Path broken = tmp.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("manifest.json"), "{\"format\": \"specrage-model\", \"format_vers");
        CliRun load = CliRun.of("transform", "--model", broken.toString(), "--data", data.toString(), "--out", tmp.resolve("e.npy").toString());
        assertEquals(13, load.exitCode(), load.err());
        assertTrue(load.err().contains("manifest.json"), load.err());
        CliRun csvEmbedding = CliRun.of("transform", "--model", broken.toString(), "--data", data.toString(), "--out", tmp.resolve("e.csv").toString());
        assertEquals(2, csvEmbedding.exitCode(), csvEmbedding.err());
        assertTrue(csvEmbedding.err().contains(".npy"), csvEmbedding.err());
        CliRun missing = CliRun.of("predict", "--model", tmp.resolve("nope").toString(), "--data", data.toString(), "--out", tmp.resolve("p.csv").toString());
        assertEquals(3, missing.exitCode(), missing.err());
    }

    /** 300 points in 3 Gaussian blobs (4 features), as CSV with labels. */
    private Path blobs() {
        Path data = tmp.resolve("blobs.csv");
        assertEquals(0, CliRun.of("generate", "blobs", "--n", "300", "--k", "3", "--dim", "4", "--noise", "0.3", "--out", data.toString()).exitCode());
        return data;
    }

    /** One epoch of SpectralNet, batch 128, with the given method options and any further flags. */
    private static CliRun smallSpectralNetFit(Path data, Path methodOptions, Path out, String... flags) {
        List<String> args = new java.util.ArrayList<>(List.of("fit", "-q", "--method", "spectralnet", "--data", data.toString(),
                "--epochs", "1", "--batch-size", "128", "--method-options", methodOptions.toString(), "--out", out.toString()));
        args.addAll(List.of(flags));
        return CliRun.of(args.toArray(String[]::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws Exception {
        return (Map<String, Object>) Json.parse(Files.readString(file));
    }

    @Test
    void siameseFlagTrainsTheSiameseNetOfSpectralNet() throws Exception {
        Path data = blobs();
        Path model = tmp.resolve("siamese-model");
        CliRun fit = CliRun.of("fit", "-q", "--method", "spectralnet", "--data", data.toString(), "--epochs", "2", "--batch-size", "128",
                "--siamese", "--method-options", smallNetwork().toString(), "--out", model.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        List<Object> stages = (List<Object>) json(model.resolve("report.json")).get("stages");
        assertTrue(stages.stream().anyMatch(st -> "siamese".equals(((Map<?, ?>) st).get("stage"))), "no siamese stage: " + stages);
        assertEquals("siamese", ((Map<?, ?>) json(model.resolve("report.json")).get("options")).get("affinity_space"));
        CliRun specnet2 = CliRun.of("fit", "-q", "--method", "specnet2", "--data", data.toString(), "--siamese", "--out", tmp.resolve("s2").toString());
        assertEquals(2, specnet2.exitCode(), specnet2.err());
        assertTrue(specnet2.err().contains("--siamese is an option of"), specnet2.err());
    }

    @Test
    void methodOptionsKeepTheirKAndSeedUnlessFlagsAreGiven() throws Exception {
        Path data = blobs();
        Path options = tmp.resolve("o.json");
        Files.writeString(options, "{\"k\": 4, \"seed\": 99, \"network\": {\"hidden\": [16]}}");
        Path model = tmp.resolve("m1");
        assertEquals(0, smallSpectralNetFit(data, options, model).exitCode());
        Map<?, ?> written = (Map<?, ?>) json(model.resolve("report.json")).get("options");
        assertEquals(4L, written.get("k"));
        assertEquals(99L, written.get("seed"));
        Path flagged = tmp.resolve("m2");
        assertEquals(0, smallSpectralNetFit(data, options, flagged, "--k", "3", "--seed", "5").exitCode());
        written = (Map<?, ?>) json(flagged.resolve("report.json")).get("options");
        assertEquals(3L, written.get("k"));
        assertEquals(5L, written.get("seed"));
    }

    /** transform reads no labels, so a MAT file whose labels are text is embedded as it is. */
    @Test
    void transformIgnoresAMatFilesTextLabels() throws Exception {
        Path data = blobs();
        Path model = tmp.resolve("m-text");
        assertEquals(0, smallSpectralNetFit(data, smallNetwork(), model).exitCode());
        us.hebi.matlab.mat.types.Matrix x = us.hebi.matlab.mat.format.Mat5.newMatrix(5, 4);
        for (int i = 0; i < 5; i++) for (int c = 0; c < 4; c++) x.setDouble(i, c, i + 0.1 * c);
        Path mat = tmp.resolve("text-labels.mat");
        us.hebi.matlab.mat.format.Mat5.writeToFile(us.hebi.matlab.mat.format.Mat5.newMatFile().addArray("X", x)
                .addArray("Y", us.hebi.matlab.mat.format.Mat5.newString("abcab")), mat.toFile());
        CliRun transform = CliRun.of("transform", "--model", model.toString(), "--data", mat.toString(), "--out", tmp.resolve("t.npy").toString());
        assertEquals(0, transform.exitCode(), transform.err());
        CliRun predict = CliRun.of("predict", "--model", model.toString(), "--data", mat.toString(), "--out", tmp.resolve("p.csv").toString());
        assertEquals(4, predict.exitCode(), "predict scores labels when it finds them, so it names the remedies");
        assertTrue(predict.err().contains("--label-column none"), predict.err());
        CliRun column = CliRun.of("info", "--data", mat.toString(), "--label-column", "2");
        assertEquals(10, column.exitCode(), column.err());
        assertTrue(column.err().contains("CSV/TSV"), column.err());
    }

    @Test
    void aBadOutputPathFailsBeforeTraining() throws Exception {
        Path data = blobs();
        Path taken = tmp.resolve("taken");
        Files.createDirectories(taken);
        Files.writeString(taken.resolve("important.txt"), "keep me");
        for (String method : new String[] {"spectralnet", "vicreg"}) {
            CliRun fit = CliRun.of("fit", "--method", method, "--data", data.toString(), "--out", taken.toString());
            assertEquals(12, fit.exitCode(), fit.err());
            assertTrue(fit.err().contains("refusing to write into it"), fit.err());
            assertFalse(fit.err().contains("epoch"), method + " trained before checking --out: " + fit.err());
        }
        assertEquals(List.of("important.txt"), Files.list(taken).map(p -> p.getFileName().toString()).toList());
    }
}
