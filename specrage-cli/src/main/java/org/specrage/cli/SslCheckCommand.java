package org.specrage.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.specrage.methods.ssl.SslCheck;
import org.specrage.methods.ssl.SslCheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code specrage ssl-check}: the numeric experiments behind "self-supervised losses are spectral
 * embeddings": each loss optimised over a free Z against its closed form (principal angles),
 * linear VICReg against locality preserving projections, and the rank of Z under a misspecified G.
 */
@Command(name = "ssl-check", mixinStandardHelpOptions = true,
        description = "Check VICReg, SimCLR, BarlowTwins and SpectralNet's loss against their closed-form spectral optima "
                + "(exit code 15 when a check misses its tolerance).")
final class SslCheckCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--nodes", defaultValue = "500", description = "Nodes of the relation matrix G (multiple of 10). Default: ${DEFAULT-VALUE}.")
    int nodes;

    @Option(names = "--rank-nodes", defaultValue = "200", description = "Nodes of the rank experiment (multiple of 4). Default: ${DEFAULT-VALUE}.")
    int rankNodes;

    @Option(names = "--step-scale", defaultValue = "1.0", description = "Multiplies every optimisation's step count. Default: ${DEFAULT-VALUE}.")
    double stepScale;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the report as JSON.")
    Path out;

    @Override
    public Integer call() throws IOException {
        common.apply();
        OptionRanges.multipleOf("--nodes", nodes, 10, 50, SslCheck.MAX_NODES);
        OptionRanges.multipleOf("--rank-nodes", rankNodes, 4, 16, SslCheck.MAX_NODES);
        OptionRanges.positive("--step-scale", stepScale);
        SslCheck.Options options = new SslCheck.Options(nodes, rankNodes, stepScale, common.seed);
        SslCheckReport report = SslCheck.run(options, ConsoleProgress.forStderr(common.quiet));
        System.out.println(report.toText());
        if (out != null) OutputFiles.writeJson(out, report.toMap());
        return report.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
