package org.specrage.tensor;

/**
 * Element-wise functions of one tensor. Each backward step uses whichever of input and output
 * gives the derivative most cheaply. Conventions at kinks: relu'(0) = 0, leakyRelu'(0) = slope.
 */
public final class Activations {
    private Activations() {
    }

    public static Tensor relu(Tensor a) {
        Tensor out = start(a);
        float[] x = a.data, y = out.data;
        Kernels.forRange(y.length, (from, to) -> {
            for (int i = from; i < to; i++) y[i] = Math.max(x[i], 0f);
        });
        if (out.requiresGrad) {
            out.tape.record(out, () -> {
                float[] g = out.grad, d = a.gradForAccumulate();
                Kernels.forRange(g.length, (from, to) -> {
                    for (int i = from; i < to; i++) d[i] += x[i] > 0f ? g[i] : 0f;
                });
            });
        }
        return out;
    }

    /** x for x > 0, slope * x otherwise. */
    public static Tensor leakyRelu(Tensor a, float slope) {
        Tensor out = start(a);
        float[] x = a.data, y = out.data;
        Kernels.forRange(y.length, (from, to) -> {
            for (int i = from; i < to; i++) y[i] = x[i] > 0f ? x[i] : slope * x[i];
        });
        if (out.requiresGrad) {
            out.tape.record(out, () -> {
                float[] g = out.grad, d = a.gradForAccumulate();
                Kernels.forRange(g.length, (from, to) -> {
                    for (int i = from; i < to; i++) d[i] += x[i] > 0f ? g[i] : slope * g[i];
                });
            });
        }
        return out;
    }

    public static Tensor tanh(Tensor a) {
        Tensor out = start(a);
        float[] x = a.data, y = out.data;
        Kernels.forRange(y.length, (from, to) -> {
            for (int i = from; i < to; i++) y[i] = (float) Math.tanh(x[i]);
        });
        if (out.requiresGrad) {
            out.tape.record(out, () -> {
                float[] g = out.grad, d = a.gradForAccumulate();
                Kernels.forRange(g.length, (from, to) -> {
                    for (int i = from; i < to; i++) d[i] += g[i] * (1f - y[i] * y[i]);
                });
            });
        }
        return out;
    }

    /** 1 / (1 + exp(-x)), computed without overflow for large |x|. */
    public static Tensor sigmoid(Tensor a) {
        Tensor out = start(a);
        float[] x = a.data, y = out.data;
        Kernels.forRange(y.length, (from, to) -> {
            for (int i = from; i < to; i++) y[i] = sigmoid(x[i]);
        });
        if (out.requiresGrad) {
            out.tape.record(out, () -> {
                float[] g = out.grad, d = a.gradForAccumulate();
                Kernels.forRange(g.length, (from, to) -> {
                    for (int i = from; i < to; i++) d[i] += g[i] * y[i] * (1f - y[i]);
                });
            });
        }
        return out;
    }

    /** log(1 + exp(x)), computed as max(x, 0) + log1p(exp(-|x|)) to stay finite. */
    public static Tensor softplus(Tensor a) {
        Tensor out = start(a);
        float[] x = a.data, y = out.data;
        Kernels.forRange(y.length, (from, to) -> {
            for (int i = from; i < to; i++) y[i] = (float) (Math.max(x[i], 0.0) + Math.log1p(Math.exp(-Math.abs((double) x[i]))));
        });
        if (out.requiresGrad) {
            out.tape.record(out, () -> {
                float[] g = out.grad, d = a.gradForAccumulate();
                Kernels.forRange(g.length, (from, to) -> {
                    for (int i = from; i < to; i++) d[i] += g[i] * sigmoid(x[i]);
                });
            });
        }
        return out;
    }

    public static Tensor exp(Tensor a) {
        Tensor out = start(a);
        float[] x = a.data, y = out.data;
        Kernels.forRange(y.length, (from, to) -> {
            for (int i = from; i < to; i++) y[i] = (float) Math.exp(x[i]);
        });
        if (out.requiresGrad) {
            out.tape.record(out, () -> {
                float[] g = out.grad, d = a.gradForAccumulate();
                Kernels.forRange(g.length, (from, to) -> {
                    for (int i = from; i < to; i++) d[i] += g[i] * y[i];
                });
            });
        }
        return out;
    }

    /** Natural logarithm (NaN for negative entries, -infinity at 0, as in Math.log). */
    public static Tensor log(Tensor a) {
        Tensor out = start(a);
        float[] x = a.data, y = out.data;
        Kernels.forRange(y.length, (from, to) -> {
            for (int i = from; i < to; i++) y[i] = (float) Math.log(x[i]);
        });
        if (out.requiresGrad) {
            out.tape.record(out, () -> {
                float[] g = out.grad, d = a.gradForAccumulate();
                Kernels.forRange(g.length, (from, to) -> {
                    for (int i = from; i < to; i++) d[i] += g[i] / x[i];
                });
            });
        }
        return out;
    }

    /** Square root (its derivative is infinite at 0: add a small constant first where that can happen). */
    public static Tensor sqrt(Tensor a) {
        Tensor out = start(a);
        float[] x = a.data, y = out.data;
        Kernels.forRange(y.length, (from, to) -> {
            for (int i = from; i < to; i++) y[i] = (float) Math.sqrt(x[i]);
        });
        if (out.requiresGrad) {
            out.tape.record(out, () -> {
                float[] g = out.grad, d = a.gradForAccumulate();
                Kernels.forRange(g.length, (from, to) -> {
                    for (int i = from; i < to; i++) d[i] += 0.5f * g[i] / y[i];
                });
            });
        }
        return out;
    }

    public static Tensor square(Tensor a) {
        Tensor out = start(a);
        float[] x = a.data, y = out.data;
        Kernels.forRange(y.length, (from, to) -> {
            for (int i = from; i < to; i++) y[i] = x[i] * x[i];
        });
        if (out.requiresGrad) {
            out.tape.record(out, () -> {
                float[] g = out.grad, d = a.gradForAccumulate();
                Kernels.forRange(g.length, (from, to) -> {
                    for (int i = from; i < to; i++) d[i] += 2f * g[i] * x[i];
                });
            });
        }
        return out;
    }

    static float sigmoid(float x) {
        if (x >= 0f) return (float) (1.0 / (1.0 + Math.exp(-x)));
        double e = Math.exp(x);
        return (float) (e / (1.0 + e));
    }

    private static Tensor start(Tensor a) {
        Tape tape = Tape.of(a);
        return tape.result(a.rows, a.cols, a.requiresGrad);
    }
}
