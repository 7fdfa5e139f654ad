package org.specrage.cli;

import org.specrage.util.Parallel;
import picocli.CommandLine.Option;

/** Options every computing command takes: seed, threads, quiet. */
final class CommonOptions {
    long seed;
    private boolean seedGiven;

    /** Called only when a seed is given (flag or config file), so fit can tell it from the default 0. */
    @Option(names = "--seed", paramLabel = "<seed>", description = "Seed of every random choice. Default: 0.")
    void seed(long value) {
        seed = value;
        seedGiven = true;
    }

    /** Whether --seed came from the command line or a config file. */
    boolean seedGiven() {
        return seedGiven;
    }

    @Option(names = "--threads", paramLabel = "T",
            description = "Threads of specrage's own loops (BLAS threads: set OPENBLAS_NUM_THREADS). Default: all cores.")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, fallbackValue = "true", description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Option values from a JSON or .properties file (keys: long option names without dashes); flags override it.")
    java.nio.file.Path config;

    void apply() {
        if (threads != null) Parallel.setThreads(threads);
    }
}
