package org.specrage.bench;

import org.specrage.nn.EngineBenchmark;

/**
 * Prints the engine benchmark figures without JMH (same routine as {@code specrage bench engine}):
 * {@code OPENBLAS_NUM_THREADS=1 java -cp bench/target/benchmarks.jar org.specrage.bench.EngineReport [threads]}.
 */
public final class EngineReport {
    private EngineReport() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        System.out.println(EngineBenchmark.run(EngineBenchmark.Options.defaults(threads)).report());
    }
}
