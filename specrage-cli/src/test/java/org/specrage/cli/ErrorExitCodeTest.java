package org.specrage.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends with one clear line and a distinct exit code, never a stack trace. */
class ErrorExitCodeTest {
    @TempDir
    Path tmp;

    private static void assertCleanFailure(CliRun run, int code, String fragment) {
        assertEquals(code, run.exitCode(), run.err());
        assertTrue(run.err().contains(fragment), run.err());
        assertFalse(run.err().contains("\tat "), "stack trace printed: " + run.err());
    }

    @Test
    void missingFile() {
        assertCleanFailure(CliRun.of("cluster", "-q", "--data", tmp.resolve("nope.mat").toString()), 3, "nope.mat");
    }

    @Test
    void unknownFormat() throws Exception {
        Path f = tmp.resolve("data.xyz");
        Files.write(f, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertCleanFailure(CliRun.of("info", "--data", f.toString()), 4, "data.xyz");
    }

    @Test
    void nonFiniteValues() throws Exception {
        Path f = tmp.resolve("nan.csv");
        Files.writeString(f, "a,b,label\n1,2,0\nNaN,3,1\n4,5,0\n");
        assertCleanFailure(CliRun.of("cluster", "-q", "--data", f.toString(), "--k", "2", "--neighbors", "1", "--scale-k", "1"), 6, "nan.csv");
    }

    @Test
    void kLargerThanN() throws Exception {
        Path f = tmp.resolve("small.csv");
        Files.writeString(f, "1,2,0\n2,3,1\n3,4,0\n4,5,1\n");
        assertCleanFailure(CliRun.of("cluster", "-q", "--data", f.toString(), "--k", "9", "--neighbors", "2", "--scale-k", "1"), 10, "larger than the number of samples");
    }

    @Test
    void badViewIndex() {
        CliRun run = CliRun.of("cluster", "-q", "--views", "0,9");
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("9"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void badOption() {
        CliRun run = CliRun.of("cluster", "--no-such-option");
        assertEquals(2, run.exitCode());
    }

    /** Whatever the command, a value outside its option's range is a usage error naming the option and the range. */
    @Test
    void outOfRangeValuesAreUsageErrors() {
        String out = tmp.resolve("o").toString();
        String mat = tmp.resolve("o.mat").toString();
        String[][] cases = {
                {"--fraction must be in [0, 1]", "corrupt", "--view", "0", "--fraction", "1.5", "--kind", "zero", "--out", mat},
                {"--fractions must be in [0, 1]", "bench", "robustness", "--fractions", "0,1.5", "--out", out},
                {"--strength must be finite and at least 0", "corrupt", "--view", "0", "--fraction", "0.5", "--kind", "outlier", "--strength", "-1", "--out", mat},
                {"--strength 0 would change nothing", "bench", "robustness", "--kind", "gaussian", "--strength", "0", "--out", out},
                {"--view must be at least 0", "corrupt", "--view", "-1", "--fraction", "0.5", "--kind", "zero", "--out", mat},
                {"--epochs must be at least 1", "bench", "robustness", "--epochs", "0", "--out", out},
                {"--views must be at least 0", "cluster", "-q", "--views", "-1"},
                {"--k must be at least 1", "cluster", "-q", "--k", "0"},
                {"--restarts must be at least 1", "cluster", "-q", "--restarts", "0"},
                {"--threads must be at least 1", "cluster", "-q", "--threads", "0"},
                {"--k must be at least 1", "fit", "-q", "--method", "spectralnet", "--k", "0", "--out", out},
                {"--lr must be finite and above 0", "fit", "-q", "--method", "spectralnet", "--lr", "-1", "--out", out},
                {"--test-fraction must be in [0, 1)", "fit", "-q", "--method", "spectralnet", "--test-fraction", "1", "--out", out},
                {"--noise must be finite and at least 0", "generate", "moons", "--n", "50", "--noise", "-1", "--out", mat},
                {"--dim must be at least 1", "bench", "scale", "--sizes", "100", "--dim", "0"},
                {"--k must be at most the smallest of --sizes (100)", "bench", "scale", "--sizes", "100", "--k", "101"}};
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            assertCleanFailure(CliRun.of(args), ExitCodes.USAGE, c[0]);
        }
    }

    @Test
    void aViewTheDataLacksIsADataError() {
        assertCleanFailure(CliRun.of("corrupt", "--view", "6", "--fraction", "0.5", "--kind", "zero", "--out", tmp.resolve("o.mat").toString()), 10, "view 6 does not exist");
    }

    @Test
    void scaleKAboveNeighbors() {
        assertCleanFailure(CliRun.of("cluster", "-q", "--neighbors", "5", "--scale-k", "6"), 2, "scale-k");
    }

    @Test
    void runningOutOfHeapIsOneLineWithTheRemedy() {
        java.io.StringWriter text = new java.io.StringWriter();
        int code = Main.outOfMemory(new java.io.PrintWriter(text), new OutOfMemoryError("Java heap space"));
        assertEquals(16, code);
        String err = text.toString();
        assertTrue(err.startsWith("specrage: out of memory (Java heap space, Java heap of ") && err.contains("SPECRAGE_JAVA_OPTS=-Xmx"), err);
        assertEquals(1, err.lines().count(), err);
    }

    @Test
    void benchRobustnessRejectsASingleSeed() {
        CliRun run = CliRun.of("bench", "robustness", "--seed", "3", "--out", tmp.resolve("r").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--seeds"), run.err());
        CliRun help = CliRun.of("bench", "robustness", "--help");
        assertTrue(help.out().contains("--seeds") && !help.out().contains("--seed "), help.out());
    }

    @Test
    void anOutputDirectoryThatIsAFileSaysSo() throws Exception {
        Path file = tmp.resolve("afile");
        Files.writeString(file, "x");
        assertCleanFailure(CliRun.of("cluster", "-q", "--views", "0", "--out", file.toString()), 12, "afile already exists and is not a directory");
    }
}
