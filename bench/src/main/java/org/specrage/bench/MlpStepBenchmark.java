package org.specrage.bench;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.specrage.nn.MlpTrainingStep;
import org.specrage.util.Parallel;

/**
 * One training step (forward, backward, Adam) of a 784-1024-1024-512-10 MLP at batch 1024 in
 * float32. Its nominal cost is 6 x params x batch = 14.6 GFLOP; compare the time with
 * {@link SgemmBenchmark} for the roofline fraction (or run {@link EngineReport}, which does both).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MlpStepBenchmark {
    /** The engine's own loop threads (BLAS threads come from OPENBLAS_NUM_THREADS). */
    @Param({"1"})
    public int threads;

    private MlpTrainingStep step;
    private int previousThreads;

    @Setup(Level.Trial)
    public void setup() {
        previousThreads = Parallel.threads();
        Parallel.setThreads(threads);
        step = new MlpTrainingStep(new int[] {784, 1024, 1024, 512, 10}, 1024, 42);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Parallel.setThreads(previousThreads);
    }

    @Benchmark
    public float trainingStep() {
        return step.run();
    }
}
