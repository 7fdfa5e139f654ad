package org.specrage.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.optim.Adam;
import org.specrage.tensor.GradientCheck;
import org.specrage.tensor.Reductions;
import org.specrage.tensor.Tape;
import org.specrage.tensor.Tensor;

class MlpTest {
    /** Full-batch Adam on the mean squared error; returns the final loss. */
    static float train(Mlp mlp, FMatrix x, FMatrix y, double lr, int steps) {
        Adam adam = new Adam(mlp.parameters(), lr);
        Tape tape = new Tape();
        float loss = Float.NaN;
        for (int i = 0; i < steps; i++) {
            tape.reset();
            Tensor l = Reductions.mean(mlp.forward(tape.input(x)).sub(tape.input(y)).square());
            tape.backward(l);
            adam.step();
            adam.zeroGrad();
            loss = l.item();
        }
        return loss;
    }

    @Test
    void twoLayerMlpLearnsXor() {
        FMatrix x = new FMatrix(4, 2, new float[] {0, 0, 0, 1, 1, 0, 1, 1});
        FMatrix y = new FMatrix(4, 1, new float[] {0, 1, 1, 0});
        Mlp mlp = Mlp.builder(2, 8, 1).activation(Activation.TANH).seed(3).build();
        float loss = train(mlp, x, y, 0.05, 500);
        assertTrue(loss < 1e-4, "XOR loss " + loss);
        Tape tape = new Tape();
        float[] out = mlp.forward(tape.input(x)).data();
        for (int i = 0; i < 4; i++) assertEquals(y.data[i], out[i], 0.02, "sample " + i);
    }

    @Test
    void smallRegressionReachesNearZeroLoss() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 64;
        FMatrix x = new FMatrix(n, 2);
        FMatrix y = new FMatrix(n, 1);
        for (int i = 0; i < n; i++) {
            float a = (float) (2 * random.nextDouble() - 1), b = (float) (2 * random.nextDouble() - 1);
            x.set(i, 0, a);
            x.set(i, 1, b);
            y.set(i, 0, (float) (a * b + Math.sin(2 * a)));
        }
        Mlp mlp = Mlp.builder(2, 32, 32, 1).activation(Activation.TANH).seed(6).build();
        float start = train(mlp, x, y, 0.01, 1);
        float loss = train(mlp, x, y, 0.01, 1500);
        assertTrue(loss < 1e-3 && loss < start / 100, "regression loss " + loss + " from " + start);
    }

    @Test
    void mlpGradientsMatchADoubleReference() {
        Mlp mlp = Mlp.builder(3, 4, 2).activation(Activation.TANH).outputActivation(Activation.SIGMOID).seed(8).build();
        FMatrix x = GradientCheck.random(5, 3, -1, 1, 9);
        List<Tensor> p = mlp.parameters();
        FMatrix[] inputs = {x, p.get(0).value(), p.get(1).value(), p.get(2).value(), p.get(3).value()};
        GradientCheck.of(inputs).graph(t -> {
            // the same network on tape copies of the parameters, so the checker can vary them
            Tensor h = org.specrage.tensor.MatrixOps.linear(t[0], t[1], t[2]).tanh();
            return org.specrage.tensor.MatrixOps.linear(h, t[3], t[4]).sigmoid();
        }).reference(d -> {
            DMatrix h = affine(d[0], d[1], d[2]);
            for (int i = 0; i < h.data.length; i++) h.data[i] = Math.tanh(h.data[i]);
            DMatrix o = affine(h, d[3], d[4]);
            for (int i = 0; i < o.data.length; i++) o.data[i] = 1 / (1 + Math.exp(-o.data[i]));
            return o;
        }).run();
        // and the module itself computes that same function
        Tape tape = new Tape();
        Tensor viaModule = mlp.forward(tape.input(x));
        Tensor viaOps = org.specrage.tensor.MatrixOps.linear(
                org.specrage.tensor.MatrixOps.linear(tape.input(x), p.get(0), p.get(1)).tanh(), p.get(2), p.get(3)).sigmoid();
        org.junit.jupiter.api.Assertions.assertArrayEquals(viaOps.data(), viaModule.data());
    }

    @Test
    void parametersAreNamedByLayer() {
        Mlp mlp = Mlp.builder(3, 5, 2).build();
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias"), List.copyOf(mlp.namedParameters().keySet()));
        assertEquals(3 * 5 + 5 + 5 * 2 + 2, mlp.parameterCount());
        assertEquals(5, mlp.namedParameters().get("0.weight").cols);
    }

    @Test
    void sameSeedSameWeights() {
        Mlp a = Mlp.builder(4, 6, 3).seed(11).build();
        Mlp b = Mlp.builder(4, 6, 3).seed(11).build();
        Mlp c = Mlp.builder(4, 6, 3).seed(12).build();
        org.junit.jupiter.api.Assertions.assertArrayEquals(a.parameters().get(0).data(), b.parameters().get(0).data());
        assertTrue(!java.util.Arrays.equals(a.parameters().get(0).data(), c.parameters().get(0).data()));
    }

    private static DMatrix affine(DMatrix x, DMatrix w, DMatrix b) {
        DMatrix out = new DMatrix(x.rows, w.cols);
        for (int i = 0; i < x.rows; i++) {
            for (int j = 0; j < w.cols; j++) {
                double s = b.data[j];
                for (int k = 0; k < x.cols; k++) s += x.get(i, k) * w.get(k, j);
                out.set(i, j, s);
            }
        }
        return out;
    }
}
