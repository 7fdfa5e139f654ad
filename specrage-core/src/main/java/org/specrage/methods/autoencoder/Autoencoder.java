package org.specrage.methods.autoencoder;

import java.util.SplittableRandom;
import org.specrage.linalg.FMatrix;
import org.specrage.methods.common.Inference;
import org.specrage.methods.common.MiniBatchLoop;
import org.specrage.methods.common.Recovery;
import org.specrage.methods.common.RowInput;
import org.specrage.methods.common.StageReporter;
import org.specrage.methods.common.StageSummary;
import org.specrage.methods.common.StepFailure;
import org.specrage.methods.common.TrainingListener;
import org.specrage.methods.common.TrainingOptions;
import org.specrage.nn.Activation;
import org.specrage.nn.BatchSampler;
import org.specrage.nn.Mlp;
import org.specrage.tensor.Reductions;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

/**
 * A fully connected autoencoder trained with the mean squared reconstruction error. A share of the
 * rows is held out to drive the learning-rate schedule and early stopping; the best parameters
 * (lowest validation error) are kept. The encoder maps data to the code space.
 */
public final class Autoencoder {
    public static final String STAGE = "autoencoder";

    /** The trained encoder and decoder, and the stage summary. */
    public record Result(Mlp encoder, Mlp decoder, StageSummary summary) {
    }

    private Autoencoder() {
    }

    public static Result train(FMatrix x, AutoencoderOptions options, long seed, TrainingListener listener) {
        return train(RowInput.of(x), options, seed, listener);
    }

    /**
     * Trains on dense or sparse rows. Sparse rows feed the encoder as sparse rows; only each batch's
     * reconstruction target is written out densely (batch x columns), never the whole view.
     */
    public static Result train(RowInput x, AutoencoderOptions options, long seed, TrainingListener listener) {
        if (x.rows() < 2) throw new IllegalArgumentException("the autoencoder needs at least 2 rows, got " + x.rows());
        TrainingOptions t = options.training();
        SplittableRandom random = new SplittableRandom(seed);
        int[] hidden = options.hidden();
        Mlp encoder = encoderShape(x.cols(), options).seed(random.nextLong()).build();
        int[] decoderSizes = new int[hidden.length + 2];
        decoderSizes[0] = options.codeDim();
        for (int i = 0; i < hidden.length; i++) decoderSizes[i + 1] = hidden[hidden.length - 1 - i];
        decoderSizes[decoderSizes.length - 1] = x.cols();
        Mlp decoder = Mlp.builder(decoderSizes).activation(options.activation()).outputActivation(Activation.IDENTITY).seed(random.nextLong()).build();

        int n = x.rows();
        int held = t.validationFraction() > 0 ? (int) Math.min(n - 1, Math.max(1, Math.round(t.validationFraction() * n))) : 0;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int[] validation = java.util.Arrays.copyOfRange(order, 0, held);
        int[] trainRows = java.util.Arrays.copyOfRange(order, held, n);

        java.util.List<Tensor> parameters = new java.util.ArrayList<>(encoder.parameters());
        parameters.addAll(decoder.parameters());
        int batch = Math.min(t.batchSize(), trainRows.length);
        BatchSampler sampler = new BatchSampler(trainRows.length, batch, true, random.nextLong());
        int[] rows = new int[batch];
        Tape tape = new Tape();
        StageSummary summary = MiniBatchLoop.run(STAGE, parameters, t, sampler, batch, listener, new MiniBatchLoop.Body() {
            @Override
            public double step(int[] order, int from) throws StepFailure {
                for (int i = 0; i < batch; i++) rows[i] = trainRows[order[from + i]];
                return Autoencoder.step(tape, encoder, decoder, x, rows, parameters);
            }

            @Override
            public double monitored(StageReporter reporter) {
                return held == 0 ? reporter.epochLoss() : reconstructionError(tape, encoder, decoder, x, validation);
            }

            @Override
            public boolean monitorsValidation() {
                return held > 0;
            }

            @Override
            public boolean keepsBest() {
                return true;
            }
        });
        return new Result(encoder, decoder, summary);
    }

    /** The encoder's builder without a seed: layer sizes input -> hidden -> code, linear code. */
    public static Mlp.Builder encoderShape(int inputDim, AutoencoderOptions options) {
        int[] hidden = options.hidden();
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = inputDim;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = options.codeDim();
        return Mlp.builder(sizes).activation(options.activation()).outputActivation(Activation.IDENTITY);
    }

    private static double step(Tape tape, Mlp encoder, Mlp decoder, RowInput x, int[] rows, java.util.List<Tensor> parameters) throws StepFailure {
        tape.reset();
        Tensor target = x.denseRows(tape, rows, 0, rows.length);
        Tensor code = x.isSparse() ? x.forward(encoder, tape, rows, 0, rows.length) : encoder.forward(target);
        Tensor loss = Reductions.mean(decoder.forward(code).sub(target).square());
        double value = loss.item();
        Recovery.requireFiniteLoss(value);
        tape.backward(loss);
        Recovery.requireFiniteGradients(parameters);
        return value;
    }

    /** Mean squared reconstruction error of the given rows. */
    static double reconstructionError(Tape tape, Mlp encoder, Mlp decoder, FMatrix x, int[] rows) {
        return reconstructionError(tape, encoder, decoder, RowInput.of(x), rows);
    }

    /** Floats a validation chunk's dense target may hold: chunks of a wide view get fewer rows. */
    private static final int CHUNK_VALUES = 1 << 22;

    static double reconstructionError(Tape tape, Mlp encoder, Mlp decoder, RowInput x, int[] rows) {
        double total = 0;
        int chunk = Math.max(1, Math.min(Inference.CHUNK, CHUNK_VALUES / Math.max(1, x.cols())));
        for (int from = 0; from < rows.length; from += chunk) {
            int to = Math.min(rows.length, from + chunk);
            tape.reset();
            Tensor input = x.denseRows(tape, rows, from, to);
            Tensor out = decoder.forward(x.isSparse() ? x.forward(encoder, tape, rows, from, to) : encoder.forward(input));
            float[] a = out.data(), b = input.data();
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                double d = (double) a[i] - b[i];
                s += d * d;
            }
            total += s;
        }
        return total / ((double) rows.length * x.cols());
    }

}
