package org.specrage.bench;

import java.util.Locale;
import org.specrage.methods.common.StageSummary;
import org.specrage.nn.EngineBenchmark;

/**
 * Matrix-product FLOP per counted sample of each training stage, from the layer sizes, so that a
 * stage's samples/s can be stated as a fraction of the sgemm roofline measured in the same run.
 * Only the products are counted (activations, the optimiser and the loss are the "overhead"
 * the fraction shows).
 */
final class StageFlop {
    private StageFlop() {
    }

    /** Forward, dW and dX products of one row through an MLP (no dX for the input layer). */
    static double mlpRow(int[] sizes) {
        double flop = 0;
        for (int i = 0; i + 1 < sizes.length; i++) {
            double product = 2.0 * sizes[i] * sizes[i + 1];
            flop += i == 0 ? 2 * product : 3 * product;
        }
        return flop;
    }

    /** The autoencoder as one chain: the encoder, then the mirrored decoder back to the input. */
    static int[] autoencoderSizes(int input, int[] hidden, int code) {
        int[] sizes = new int[2 * hidden.length + 3];
        sizes[0] = input;
        for (int i = 0; i < hidden.length; i++) {
            sizes[1 + i] = hidden[i];
            sizes[sizes.length - 2 - i] = hidden[i];
        }
        sizes[hidden.length + 1] = code;
        sizes[sizes.length - 1] = input;
        return sizes;
    }

    /** A Siamese step per pair: both rows through the network. */
    static double siamese(int[] sizes) {
        return 2 * mlpRow(sizes);
    }

    /**
     * A SpectralNet step per gradient-batch row (gradient through the ortho matrix): the ortho batch
     * and the gradient batch each go forward and back, the batch affinity is an m x m Gram of the
     * input rows, and the loss multiplies the m x m Laplacian by the m x k output.
     */
    static double spectralNet(int[] sizes, int batch) {
        int input = sizes[0], output = sizes[sizes.length - 1];
        return 2 * mlpRow(sizes) + 2.0 * batch * input + 2 * 2.0 * batch * output;
    }

    /**
     * A SpecRaGE step per gradient-batch row (gradient through the ortho matrix): the ortho and
     * gradient batches each go forward and back through every view network and the fusion network,
     * each view's batch affinity is an m x m Gram of its input rows, and the loss multiplies each
     * view's m x m affinity by the m x k output.
     */
    static double specRage(int[] viewInputs, int[] hidden, int outputs, int fusionHidden, int batch) {
        double flop = 0;
        int joined = 0;
        for (int input : viewInputs) {
            int[] sizes = new int[hidden.length + 2];
            sizes[0] = input;
            System.arraycopy(hidden, 0, sizes, 1, hidden.length);
            sizes[sizes.length - 1] = outputs;
            flop += 2 * mlpRow(sizes) + 2.0 * batch * input + 2 * 2.0 * batch * outputs;
            joined += input;
        }
        if (viewInputs.length > 1 && fusionHidden > 0) flop += 2 * mlpRow(new int[] {joined, fusionHidden, viewInputs.length});
        return flop;
    }

    /** Lines "stage: GFLOP/s achieved, fraction of the roofline" for the stages given FLOP per sample. */
    static void report(EngineBenchmark.Roofline roofline, StageSummary s, double flopPerSample) {
        double gflops = s.samplesPerSecond() * flopPerSample / 1e9;
        System.out.printf(Locale.ROOT, "  %-12s %6.1f MFLOP per sample in products, %6.1f GFLOP/s = %.2f of the sgemm roofline (%.1f GFLOP/s at %s)%n",
                s.stage(), flopPerSample / 1e6, gflops, gflops / roofline.gflops(), roofline.gflops(), roofline.shape());
    }
}
