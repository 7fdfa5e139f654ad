package org.specrage.cli;

import picocli.CommandLine.Command;

/** {@code specrage bench}: speed measurements, one sub-command each. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: speed against the BLAS roofline measured in the same run.",
        subcommands = {BenchEngineCommand.class, BenchRobustnessCommand.class, BenchScaleCommand.class})
final class BenchCommand {
}
