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
