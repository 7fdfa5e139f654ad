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
        assertEquals(2, bad.exitCode());
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

    /** A value the option rejects is a usage error on one line naming the file, the option and the value; no usage text. */
    @Test
    void aBadValueFromTheConfigNamesTheFile() throws Exception {
        Path cfg = config("bad-value.json", "{\"neighbors\": \"many\"}");
        assertOneLineUsageError(CliRun.of("cluster", "-q", "--config", cfg.toString()), cfg, "'--neighbors': 'many' is not an int");
        Path list = config("bad-list.json", "{\"views\": [0, \"two\"]}");
        assertOneLineUsageError(CliRun.of("cluster", "-q", "--config", list.toString()), list, "'--views'", "'two' is not an int");
        Path properties = config("bad-value.properties", "affinity=foo\n");
        assertOneLineUsageError(CliRun.of("cluster", "-q", "--config", properties.toString()), properties, "'--affinity'", "but was 'foo'");

        CliRun flag = CliRun.of("cluster", "-q", "--config", cfg.toString(), "--neighbors", "x");
        assertEquals(2, flag.exitCode());
        assertFalse(flag.err().contains("bad-value.json"), "a bad value on the command line is the command line's: " + flag.err());
        assertTrue(flag.err().contains("Usage:"), "a command-line mistake still shows the usage: " + flag.err());
    }

    @Test
    void aValueOutOfRangeFromTheConfigNamesTheFile() throws Exception {
        Path cfg = config("range.json", "{\"neighbors\": -3}");
        assertOneLineUsageError(CliRun.of("cluster", "-q", "--config", cfg.toString()), cfg, "--neighbors must be at least 1, got -3");
        Path properties = config("range.properties", "neighbors=-3\n");
        assertOneLineUsageError(CliRun.of("cluster", "-q", "--config", properties.toString()), properties, "--neighbors must be at least 1, got -3");
        CliRun flag = CliRun.of("cluster", "-q", "--config", cfg.toString(), "--neighbors", "-4");
        assertEquals(2, flag.exitCode());
        assertEquals("specrage: --neighbors must be at least 1, got -4", flag.err().strip());
    }

    @Test
    void unknownKeyIsAnError() throws Exception {
        Path cfg = tmp.resolve("bad.json");
        Files.writeString(cfg, "{\"neighbours\": 8}");
        CliRun run = CliRun.of("cluster", "-q", "--config", cfg.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'neighbours' is not an option"), run.err());
    }

    /** A missing file, or a directory in its place, is a missing file (3); a malformed one is a usage error (2) giving the parse error's position. */
    @Test
    void missingAndMalformedConfig() throws Exception {
        assertEquals(3, CliRun.of("cluster", "--config", tmp.resolve("none.json").toString()).exitCode());
        Path dir = Files.createDirectories(tmp.resolve("config.json"));
        CliRun directory = CliRun.of("cluster", "--config", dir.toString());
        assertEquals(3, directory.exitCode(), directory.err());
        assertTrue(directory.err().contains(dir + ": config file is a directory"), directory.err());
        Path cfg = tmp.resolve("broken.json");
        Files.writeString(cfg, "{\"neighbors\": ");
        assertOneLineUsageError(CliRun.of("cluster", "--config", cfg.toString()), cfg, "JSON error at line 1, column 15");
        Files.writeString(cfg, "[8]");
        assertOneLineUsageError(CliRun.of("cluster", "--config", cfg.toString()), cfg, "must hold a JSON object");
        Path properties = tmp.resolve("broken.properties");
        Files.writeString(properties, "neighbors=\\u00zz\n");
        assertOneLineUsageError(CliRun.of("cluster", "--config", properties.toString()), properties, "Malformed \\uxxxx encoding");
    }

    private static void assertOneLineUsageError(CliRun run, Path cfg, String... parts) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line, no usage: " + run.err());
        assertTrue(run.err().startsWith("specrage: " + cfg + ": "), run.err());
        for (String part : parts) assertTrue(run.err().contains(part), part + " in: " + run.err());
    }

    /** A config file of the given name and text in the test's folder. */
    private Path config(String name, String text) throws java.io.IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
