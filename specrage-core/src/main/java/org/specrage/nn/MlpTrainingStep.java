package org.specrage.nn;

import java.util.SplittableRandom;
import org.specrage.linalg.FMatrix;
import org.specrage.optim.Adam;
import org.specrage.tensor.Reductions;
import org.specrage.tensor.Softmax;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * One classifier training step on a fixed random batch — forward, softmax cross-entropy,
 * backward, Adam — the unit the engine benchmark times. Repeated calls reuse every buffer.
 */
public final class MlpTrainingStep {
    private final Mlp mlp;
    private final Adam adam;
    private final Tape tape = new Tape();
    private final FMatrix inputs;
    private final FMatrix oneHot;
    private final int batch;

    public MlpTrainingStep(int[] sizes, int batch, long seed) {
        if (batch < 1) throw new IllegalArgumentException("batch must be positive, got " + batch);
        this.batch = batch;
        this.mlp = Mlp.builder(sizes).activation(Activation.RELU).seed(seed).build();
        this.adam = new Adam(mlp.parameters(), 1e-4);
        SplittableRandom random = new SplittableRandom(seed + 1);
        inputs = new FMatrix(batch, sizes[0]);
        for (int i = 0; i < inputs.data.length; i++) inputs.data[i] = (float) random.nextDouble();
        int classes = sizes[sizes.length - 1];
        oneHot = new FMatrix(batch, classes);
        for (int r = 0; r < batch; r++) oneHot.set(r, random.nextInt(classes), 1f);
    }

    /** Runs one step and returns its loss. */
    public float run() {
        tape.reset();
        Tensor logits = mlp.forward(tape.input(inputs));
        // mean over rows of logsumexp(z) - z[label]
        Tensor loss = Reductions.mean(Softmax.rowLogSumExp(logits).sub(Reductions.rowSum(logits.mul(tape.input(oneHot)))));
        tape.backward(loss);
        adam.step();
        adam.zeroGrad();
        return loss.item();
    }

    public Mlp mlp() {
        return mlp;
    }

    public Tape tape() {
        return tape;
    }

    /**
     * The floating-point operations of the step's matrix products: forward and dW for every layer,
     * dX for all but the first (the input needs no gradient). A little below {@link #nominalFlop()}.
     */
    public double gemmFlop() {
        int[] sizes = mlp.sizes();
        double flop = 0;
        for (int i = 0; i + 1 < sizes.length; i++) {
            double product = 2.0 * batch * sizes[i] * sizes[i + 1];
            flop += i == 0 ? 2 * product : 3 * product;
        }
        return flop;
    }

    /** The nominal cost, 6 x parameters x batch floating-point operations (2 forward, 4 backward). */
    public double nominalFlop() {
        return 6.0 * mlp.parameterCount() * batch;
    }
}
