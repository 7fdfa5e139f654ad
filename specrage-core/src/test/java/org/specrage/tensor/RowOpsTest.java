package org.specrage.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.specrage.linalg.DMatrix;
import org.specrage.linalg.FMatrix;

class RowOpsTest {
    private final FMatrix a = GradientCheck.random(5, 3, -1, 1, 61);

    @Test
    void gatherRowsWithRepeats() {
        int[] idx = {4, 0, 4, 2};
        GradientCheck.of(a).graph(t -> RowOps.gatherRows(t[0], idx)).reference(d -> d[0].selectRows(idx)).run();
    }

    @Test
    void scatterRowsAddsDuplicates() {
        int[] idx = {1, 6, 1, 0, 3};
        GradientCheck.of(a).graph(t -> RowOps.scatterRows(t[0], idx, 7)).reference(d -> {
            DMatrix out = new DMatrix(7, 3);
            for (int i = 0; i < idx.length; i++) for (int c = 0; c < 3; c++) out.set(idx[i], c, out.get(idx[i], c) + d[0].get(i, c));
            return out;
        }).run();
    }

    @Test
    void slices() {
        GradientCheck.of(a).graph(t -> RowOps.sliceRows(t[0], 1, 4)).reference(d -> d[0].selectRows(new int[] {1, 2, 3})).run();
        GradientCheck.of(a).graph(t -> RowOps.sliceCols(t[0], 1, 3)).reference(d -> {
            DMatrix out = new DMatrix(5, 2);
            for (int r = 0; r < 5; r++) for (int c = 0; c < 2; c++) out.set(r, c, d[0].get(r, c + 1));
            return out;
        }).run();
    }

    @Test
    void hconcatAndVconcat() {
        FMatrix b = GradientCheck.random(5, 2, -1, 1, 62);
        FMatrix c = GradientCheck.random(2, 3, -1, 1, 63);
        GradientCheck.of(a, b).graph(t -> RowOps.hconcat(t[0], t[1], t[0])).reference(d -> {
            DMatrix out = new DMatrix(5, 8);
            for (int r = 0; r < 5; r++) {
                for (int j = 0; j < 3; j++) out.set(r, j, d[0].get(r, j));
                for (int j = 0; j < 2; j++) out.set(r, 3 + j, d[1].get(r, j));
                for (int j = 0; j < 3; j++) out.set(r, 5 + j, d[0].get(r, j));
            }
            return out;
        }).run();
        GradientCheck.of(a, c).requiresGrad(true, false).graph(t -> RowOps.vconcat(t[0], t[1])).reference(d -> {
            DMatrix out = new DMatrix(7, 3);
            System.arraycopy(d[0].data, 0, out.data, 0, 15);
            System.arraycopy(d[1].data, 0, out.data, 15, 6);
            return out;
        }).run();
    }

    @Test
    void maskedFillWithFullRowAndColumnMasks() {
        FMatrix full = new FMatrix(5, 3, new float[] {1, 0, 1, 0, 0, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0});
        FMatrix rowMask = new FMatrix(5, 1, new float[] {1, 0, 1, 1, 0});
        FMatrix colMask = new FMatrix(1, 3, new float[] {0, 1, 1});
        for (FMatrix m : new FMatrix[] {full, rowMask, colMask}) {
            GradientCheck.of(a, m).requiresGrad(true, false).graph(t -> RowOps.maskedFill(t[0], t[1], -7f))
                    .reference(d -> Ref.zip(d[0], d[1], (x, keep) -> keep != 0 ? x : -7)).run();
        }
    }

    @Test
    void rowNormalize() {
        GradientCheck.of(a).graph(t -> RowOps.rowNormalize(t[0], 1e-6f)).reference(d -> {
            DMatrix out = new DMatrix(5, 3);
            for (int r = 0; r < 5; r++) {
                double n = 0;
                for (int c = 0; c < 3; c++) n += d[0].get(r, c) * d[0].get(r, c);
                n = Math.sqrt(n);
                for (int c = 0; c < 3; c++) out.set(r, c, d[0].get(r, c) / n);
            }
            return out;
        }).run();
    }

    @Test
    void rowNormalizeKeepsZeroRowsZero() {
        Tape tape = new Tape();
        Tensor leaf = Tensor.leaf(new FMatrix(2, 2, new float[] {0, 0, 3, 4}), true);
        Tensor y = RowOps.rowNormalize(tape.watch(leaf), 0x1p-10f);
        assertArrayEquals(new float[] {0, 0, 0.6f, 0.8f}, y.data());
        tape.backward(y, new float[] {1, 2, 0, 0});
        assertArrayEquals(new float[] {1024f, 2048f, 0f, 0f}, leaf.grad());
    }

    @Test
    void badIndicesAreRejected() {
        Tape tape = new Tape();
        Tensor x = tape.input(new FMatrix(3, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RowOps.gatherRows(x, new int[] {0, 3}));
        assertEquals("row index 3 outside 0..2", e.getMessage());
    }
}
