package org.specrage.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.specrage.nn.EngineBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code specrage bench engine}: sgemm roofline and one MLP training step (784-1024-1024-512-10,
 * batch 1024). Native BLAS fixes its thread count when it loads, from OPENBLAS_NUM_THREADS; when
 * {@code --threads} asks for another count the command runs itself again in a child JVM with that
 * variable set, so BLAS and the engine's own loops use the same number of threads.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Measure the sgemm roofline and an MLP training step; the last line is roofline-fraction=<number>.")
final class BenchEngineCommand implements Callable<Integer> {
    @Option(names = "--threads", paramLabel = "T", description = "Threads for BLAS and the engine. Default: OPENBLAS_NUM_THREADS, else all cores.")
    Integer threads;

    @Option(names = "--steps", defaultValue = "20", description = "Measured steps. Default: ${DEFAULT-VALUE}.")
    int steps;

    @Override
    public Integer call() throws IOException, InterruptedException {
        OptionRanges.atLeast("--threads", threads, 1);
        OptionRanges.atLeast("--steps", steps, 1);
        if (threads != null && !String.valueOf(threads).equals(System.getenv("OPENBLAS_NUM_THREADS"))) {
            return relaunchWithBlasThreads(threads);
        }
        int engineThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        EngineBenchmark.Options defaults = EngineBenchmark.Options.defaults(engineThreads);
        EngineBenchmark.Options options = new EngineBenchmark.Options(defaults.sizes(), defaults.batch(), engineThreads,
                defaults.warmupSteps(), steps, defaults.sgemmSeconds(), defaults.seed());
        System.out.println(EngineBenchmark.run(options).report());
        return ExitCodes.OK;
    }

    private int relaunchWithBlasThreads(int count) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "bench", "engine", "--threads", String.valueOf(count), "--steps", String.valueOf(steps)));
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().put("OPENBLAS_NUM_THREADS", String.valueOf(count));
        return pb.start().waitFor();
    }
}
