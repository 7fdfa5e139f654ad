package org.specrage.cli;

import picocli.CommandLine.Option;

/** Options every computing command with a single seed takes: seed, threads, quiet, config file. */
final class CommonOptions extends RunOptions {
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
}
