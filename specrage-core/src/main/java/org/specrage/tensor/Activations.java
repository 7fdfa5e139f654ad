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
                // d += g where y > 0, as a bit mask: a data-dependent branch here costs ten times more
                float[] g = out.grad, d = a.gradForAccumulate();
                Kernels.forRange(g.length, (from, to) -> {
                    for (int i = from; i < to; i++) d[i] += Float.intBitsToFloat(Float.floatToRawIntBits(g[i]) & positiveMask(y[i]));
                });
            });
        }
        return out;
    }

    /** x for x > 0, slope * x otherwise; the slope must be in [0, 1]. */
    public static Tensor leakyRelu(Tensor a, float slope) {
        if (!(slope >= 0f && slope <= 1f)) throw new IllegalArgumentException("leaky ReLU slope must be in [0, 1], got " + slope);
        Tensor out = start(a);
        float[] x = a.data, y = out.data;
        Kernels.forRange(y.length, (from, to) -> {
            for (int i = from; i < to; i++) y[i] = Math.max(x[i], slope * x[i]); // branch-free for slope <= 1
        });
        if (out.requiresGrad) {
            int oneBits = Float.floatToRawIntBits(1f), slopeBits = Float.floatToRawIntBits(slope);
            out.tape.record(out, () -> {
                float[] g = out.grad, d = a.gradForAccumulate();
                Kernels.forRange(g.length, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        int m = positiveMask(Math.max(x[i], 0f));
                        d[i] += g[i] * Float.intBitsToFloat((oneBits & m) | (slopeBits & ~m));
                    }
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

    /**
     * All bits set when v > 0, none when v is +0 or negative (v must not be -0, which max(x, 0)
     * never returns): the sign bit of -bits(v).
     */
    static int positiveMask(float v) {
        return (-Float.floatToRawIntBits(v)) >> 31;
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
