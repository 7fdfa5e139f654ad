package org.specrage.tensor;

/**
 * Element-wise add, subtract, multiply and divide with broadcasting (see {@link Broadcast}),
 * and the scalar versions.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    public static Tensor add(Tensor a, Tensor b) {
        Tape tape = Tape.of(a, b);
        int rows = Broadcast.dim(a.rows, b.rows, "rows", a, b);
        int cols = Broadcast.dim(a.cols, b.cols, "columns", a, b);
        float[] x = Broadcast.expand(tape, a, rows, cols);
        float[] y = Broadcast.expand(tape, b, rows, cols);
        Tensor out = tape.result(rows, cols, a.requiresGrad || b.requiresGrad);
        float[] o = out.data;
        Kernels.forRange(o.length, (from, to) -> {
            for (int i = from; i < to; i++) o[i] = x[i] + y[i];
        });
        if (out.requiresGrad) {
            tape.record(out, () -> {
                float[] g = out.grad;
                if (a.requiresGrad) accumulate(tape, a, 1f, g, rows, cols);
                if (b.requiresGrad) accumulate(tape, b, 1f, g, rows, cols);
            });
        }
        return out;
    }

    public static Tensor sub(Tensor a, Tensor b) {
        Tape tape = Tape.of(a, b);
        int rows = Broadcast.dim(a.rows, b.rows, "rows", a, b);
        int cols = Broadcast.dim(a.cols, b.cols, "columns", a, b);
        float[] x = Broadcast.expand(tape, a, rows, cols);
        float[] y = Broadcast.expand(tape, b, rows, cols);
        Tensor out = tape.result(rows, cols, a.requiresGrad || b.requiresGrad);
        float[] o = out.data;
        Kernels.forRange(o.length, (from, to) -> {
            for (int i = from; i < to; i++) o[i] = x[i] - y[i];
        });
        if (out.requiresGrad) {
            tape.record(out, () -> {
                float[] g = out.grad;
                if (a.requiresGrad) accumulate(tape, a, 1f, g, rows, cols);
                if (b.requiresGrad) accumulate(tape, b, -1f, g, rows, cols);
            });
        }
        return out;
    }

    public static Tensor mul(Tensor a, Tensor b) {
        Tape tape = Tape.of(a, b);
        int rows = Broadcast.dim(a.rows, b.rows, "rows", a, b);
        int cols = Broadcast.dim(a.cols, b.cols, "columns", a, b);
        float[] x = Broadcast.expand(tape, a, rows, cols);
        float[] y = Broadcast.expand(tape, b, rows, cols);
        Tensor out = tape.result(rows, cols, a.requiresGrad || b.requiresGrad);
        float[] o = out.data;
        Kernels.forRange(o.length, (from, to) -> {
            for (int i = from; i < to; i++) o[i] = x[i] * y[i];
        });
        if (out.requiresGrad) {
            tape.record(out, () -> {
                float[] g = out.grad;
                if (a.requiresGrad) accumulateProduct(tape, a, g, y, rows, cols);
                if (b.requiresGrad) accumulateProduct(tape, b, g, x, rows, cols);
            });
        }
        return out;
    }

    public static Tensor div(Tensor a, Tensor b) {
        Tape tape = Tape.of(a, b);
        int rows = Broadcast.dim(a.rows, b.rows, "rows", a, b);
        int cols = Broadcast.dim(a.cols, b.cols, "columns", a, b);
        float[] x = Broadcast.expand(tape, a, rows, cols);
        float[] y = Broadcast.expand(tape, b, rows, cols);
        Tensor out = tape.result(rows, cols, a.requiresGrad || b.requiresGrad);
        float[] o = out.data;
        Kernels.forRange(o.length, (from, to) -> {
            for (int i = from; i < to; i++) o[i] = x[i] / y[i];
        });
        if (out.requiresGrad) {
            tape.record(out, () -> {
                float[] g = out.grad;
                if (a.requiresGrad) {
                    float[] t = Broadcast.gradTarget(tape, a, rows, cols);
                    Kernels.forRange(g.length, (from, to) -> {
                        for (int i = from; i < to; i++) t[i] += g[i] / y[i];
                    });
                    Broadcast.finish(a, t, rows, cols);
                }
                if (b.requiresGrad) {
                    // d(x/y)/dy = -(x/y)/y
                    float[] t = Broadcast.gradTarget(tape, b, rows, cols);
                    Kernels.forRange(g.length, (from, to) -> {
                        for (int i = from; i < to; i++) t[i] -= g[i] * o[i] / y[i];
                    });
                    Broadcast.finish(b, t, rows, cols);
                }
            });
        }
        return out;
    }

    /** x + c. */
    public static Tensor addScalar(Tensor a, float c) {
        Tape tape = Tape.of(a);
        Tensor out = tape.result(a.rows, a.cols, a.requiresGrad);
        float[] x = a.data;
        float[] o = out.data;
        Kernels.forRange(o.length, (from, to) -> {
            for (int i = from; i < to; i++) o[i] = x[i] + c;
        });
        if (out.requiresGrad) {
            tape.record(out, () -> Kernels.addInto(a.gradForAccumulate(), out.grad, o.length));
        }
        return out;
    }

    /** c * x. */
    public static Tensor scale(Tensor a, float c) {
        Tape tape = Tape.of(a);
        Tensor out = tape.result(a.rows, a.cols, a.requiresGrad);
        float[] x = a.data;
        float[] o = out.data;
        Kernels.forRange(o.length, (from, to) -> {
            for (int i = from; i < to; i++) o[i] = c * x[i];
        });
        if (out.requiresGrad) {
            tape.record(out, () -> Kernels.addScaledInto(a.gradForAccumulate(), c, out.grad, o.length));
        }
        return out;
    }

    /** Adds sign * g (full shape) to x's gradient, reduced to x's shape. */
    private static void accumulate(Tape tape, Tensor x, float sign, float[] g, int rows, int cols) {
        float[] t = Broadcast.gradTarget(tape, x, rows, cols);
        Kernels.addScaledInto(t, sign, g, g.length);
        Broadcast.finish(x, t, rows, cols);
    }

    /** Adds g * other (full shape) to x's gradient, reduced to x's shape. */
    private static void accumulateProduct(Tape tape, Tensor x, float[] g, float[] other, int rows, int cols) {
        float[] t = Broadcast.gradTarget(tape, x, rows, cols);
        Kernels.forRange(g.length, (from, to) -> {
            for (int i = from; i < to; i++) t[i] += g[i] * other[i];
        });
        Broadcast.finish(x, t, rows, cols);
    }
}
