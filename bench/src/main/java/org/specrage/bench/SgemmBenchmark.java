package org.specrage.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The sgemm roofline: time per product of the BLAS in use at 1024^3 and at the benchmark MLP's
 * layer shapes. GFLOP/s = 2 m n k / time. BLAS threads: set OPENBLAS_NUM_THREADS for the forked JVM
 * (e.g. {@code OPENBLAS_NUM_THREADS=1 java -jar bench/target/benchmarks.jar Sgemm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SgemmBenchmark {
    /** m, n, k, transA, transB. */
    @Param({"1024,1024,1024,N,N", "1024,1024,784,N,N", "784,1024,1024,T,N", "1024,784,1024,N,T",
            "1024,1024,1024,T,N", "1024,1024,1024,N,T", "1024,512,1024,N,N"})
    public String shape;

    private EngineBenchmark.Sgemm gemm;

    @Setup
    public void setup() {
        String[] p = shape.split(",");
        gemm = new EngineBenchmark.Sgemm(new EngineBenchmark.GemmShape(Integer.parseInt(p[0]), Integer.parseInt(p[1]),
                Integer.parseInt(p[2]), p[3].equals("T"), p[4].equals("T")), 7);
    }

    @Benchmark
    public void sgemm() {
        gemm.run();
    }
}
