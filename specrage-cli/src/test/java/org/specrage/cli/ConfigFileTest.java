package org.specrage.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path tmp;

    @Test
    void jsonConfigSetsOptionsAndFlagsOverrideIt() throws Exception {
        Path cfg = tmp.resolve("c.json");
        Files.writeString(cfg, "{\"neighbors\": 8, \"scale-k\": 4, \"combine\": \"mean-laplacian\", \"views\": [0, 2]}");
        CliRun run = CliRun.of("cluster", "-q", "--config", cfg.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("2 views [240, 216]"), run.out());
        assertTrue(run.out().contains("neighbors 8, scale-k 4"), run.out());
        assertTrue(run.out().contains("combine mean-laplacian"), run.out());
        CliRun overridden = CliRun.of("cluster", "-q", "--config", cfg.toString(), "--neighbors", "12");
        assertTrue(overridden.out().contains("neighbors 12, scale-k 4"), overridden.out());
    }

    /** A flag repeated on the command line confirms the config's true; it must not flip it (picocli negates a flag whose default is true). */
    @Test
    void aFlagGivenInTheConfigAndOnTheCommandLineStaysOn() throws Exception {
        Path cfg = tmp.resolve("quiet.json");
        Files.writeString(cfg, "{\"quiet\": true, \"restarts\": 2}");
        CliRun both = CliRun.of("cluster", "--config", cfg.toString(), "-q");
        assertEquals(0, both.exitCode(), both.err());
        assertEquals("", both.err(), "quiet from the config and -q: no progress");
        assertEquals("", CliRun.of("cluster", "--config", cfg.toString()).err());

        Path data = tmp.resolve("moons.csv");
        assertEquals(0, CliRun.of("generate", "moons", "--n", "200", "--out", data.toString()).exitCode());
        Path fitCfg = tmp.resolve("ae.json");
        Files.writeString(fitCfg, "{\"autoencoder\": true, \"epochs\": 1}");
        Path model = tmp.resolve("model");
        CliRun fit = CliRun.of("fit", "-q", "--method", "specnet2", "--data", data.toString(), "--config", fitCfg.toString(),
                "--autoencoder", "--out", model.toString());
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(Files.readString(model.resolve("manifest.json")).contains("\"encoder\""), "the autoencoder stayed on");
    }

    /** The method's options may sit inline in the config as a JSON object; other options take plain values. */
    @Test
    void methodOptionsCanBeInline() throws Exception {
        Path data = tmp.resolve("mv.mat");
        assertEquals(0, CliRun.of("generate", "multiview-blobs", "--n", "150", "--out", data.toString()).exitCode());
        Path cfg = tmp.resolve("inline.json");
        Files.writeString(cfg, "{\"method\": \"specrage\", \"epochs\": 1, \"method-options\": {\"temperature\": 3, \"network\": {\"hidden\": [8]}}}");
        Path model = tmp.resolve("m");
        CliRun run = CliRun.of("fit", "-q", "--data", data.toString(), "--config", cfg.toString(), "--out", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        String manifest = Files.readString(model.resolve("manifest.json"));
        assertTrue(manifest.contains("\"temperature\": 3"), manifest);
        Files.writeString(cfg, "{\"epochs\": {\"n\": 1}}");
        CliRun bad = CliRun.of("fit", "-q", "--method", "specrage", "--data", data.toString(), "--config", cfg.toString(), "--out", model.toString());
        assertEquals(4, bad.exitCode());
        assertTrue(bad.err().contains("'epochs' takes a value, not a JSON object"), bad.err());
    }

    @Test
    void aWholeNumberWrittenWithADecimalPointFillsAnIntegerOption() throws Exception {
        Path cfg = tmp.resolve("whole.json");
        Files.writeString(cfg, "{\"neighbors\": 8.0, \"restarts\": 3.0}");
        CliRun run = CliRun.of("cluster", "-q", "--config", cfg.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("neighbors 8,"), run.out());
    }

    @Test
    void propertiesConfigWorksToo() throws Exception {
        Path cfg = tmp.resolve("c.properties");
        Files.writeString(cfg, "views=1\nrestarts=3\n");
        CliRun run = CliRun.of("cluster", "-q", "--config", cfg.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("1 view [76]"), run.out());
    }

    @Test
    void aBadValueFromTheConfigNamesTheFile() throws Exception {
        Path cfg = tmp.resolve("bad-value.json");
        Files.writeString(cfg, "{\"neighbors\": \"many\"}");
        CliRun run = CliRun.of("cluster", "-q", "--config", cfg.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(cfg + ": the value of 'neighbors' is not valid"), run.err());
        CliRun flag = CliRun.of("cluster", "-q", "--config", cfg.toString(), "--neighbors", "x");
        assertFalse(flag.err().contains("bad-value.json"), "a bad value on the command line is the command line's: " + flag.err());
    }

    @Test
    void unknownKeyIsAnError() throws Exception {
        Path cfg = tmp.resolve("bad.json");
        Files.writeString(cfg, "{\"neighbours\": 8}");
        CliRun run = CliRun.of("cluster", "-q", "--config", cfg.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'neighbours' is not an option"), run.err());
    }

    @Test
    void missingAndMalformedConfig() throws Exception {
        assertEquals(3, CliRun.of("cluster", "--config", tmp.resolve("none.json").toString()).exitCode());
        Path cfg = tmp.resolve("broken.json");
        Files.writeString(cfg, "{\"neighbors\": ");
        CliRun run = CliRun.of("cluster", "--config", cfg.toString());
        assertEquals(4, run.exitCode());
        assertTrue(run.err().contains("broken.json"), run.err());
    }
}
