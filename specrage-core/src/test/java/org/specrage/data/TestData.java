package org.specrage.data;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds the shared benchmark data for tests; tests whose file is absent are skipped, not failed. */
public final class TestData {
    private TestData() {
    }

    /** ${specrage.root}/../shared/data when it exists, else /work/shared/data. */
    public static Path sharedDir() {
        String root = System.getProperty("specrage.root");
        if (root != null) {
            Path p = Paths.get(root).resolve("../shared/data").normalize();
            if (Files.isDirectory(p)) return p;
        }
        return Paths.get("/work/shared/data");
    }

    /** A file of shared/data/multiview; skips the test when it is missing. */
    public static Path multiview(String fileName) {
        return require(sharedDir().resolve("multiview").resolve(fileName));
    }

    /** The Debian dataset-fashion-mnist directory; skips the test when it is not installed. */
    public static Path fashionMnist() {
        return require(Paths.get("/usr/share/datasets/fashion-mnist"));
    }

    /** The path, or a skipped test when it does not exist. */
    public static Path require(Path p) {
        Assumptions.assumeTrue(Files.exists(p), "test data not available: " + p);
        return p;
    }
}
