package org.specrage.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.specrage.nn.EngineBenchmark;

/**
 * The sgemm roofline of the BLAS in use, at 1024^3 and at the benchmark MLP's layer shapes
 * (forward X W, backward X^T dY and dY W^T). The secondary result {@code sgemm:mflop} is in
 * MFLOP per millisecond, i.e. GFLOP/s. BLAS threads: set OPENBLAS_NUM_THREADS for the run
 * (e.g. {@code OPENBLAS_NUM_THREADS=1 java -jar bench/target/benchmarks.jar Sgemm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SgemmBenchmark {
    /** m x n x k, then N or T for op(A) and op(B). */
    @Param({"1024x1024x1024_NN", "1024x1024x784_NN", "784x1024x1024_TN", "1024x784x1024_NT",
            "1024x1024x1024_TN", "1024x1024x1024_NT", "1024x512x1024_NN", "1024x1024x512_NT"})
    public String shape;

    private EngineBenchmark.Sgemm gemm;
    private long megaflopPerCall;

    /** Work done, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Work {
        public long mflop;

        @Setup(Level.Iteration)
        public void clear() {
            mflop = 0;
        }
    }

    @Setup
    public void setup() {
        String[] dims = shape.substring(0, shape.indexOf('_')).split("x");
        String ops = shape.substring(shape.indexOf('_') + 1);
        gemm = new EngineBenchmark.Sgemm(new EngineBenchmark.GemmShape(Integer.parseInt(dims[0]), Integer.parseInt(dims[1]),
                Integer.parseInt(dims[2]), ops.charAt(0) == 'T', ops.charAt(1) == 'T'), 7);
        megaflopPerCall = Math.round(gemm.flop() / 1e6);
    }

    @Benchmark
    public void sgemm(Work work) {
        gemm.run();
        work.mflop += megaflopPerCall;
    }
}
