package org.specrage.cli;

import org.specrage.util.Parallel;
import picocli.CommandLine.Option;

/** Options of every computing command but the seed: threads, quiet, config file. */
class RunOptions {
    @Option(names = "--threads", paramLabel = "T",
            description = "Threads of specrage's own loops (BLAS threads: set OPENBLAS_NUM_THREADS). Default: all cores.")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, fallbackValue = "true", description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Option values from a JSON or .properties file (keys: long option names without dashes); flags override it.")
    java.nio.file.Path config;

    void apply() {
        OptionRanges.atLeast("--threads", threads, 1);
        if (threads != null) Parallel.setThreads(threads);
    }
}
