package org.specrage.methods.specrage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.specrage.data.View;
import org.specrage.linalg.CsrMatrix;
import org.specrage.linalg.FMatrix;
import org.specrage.tensor.Tape;

class ViewInputTest {
    /** A sparse matrix with a zero row (row 2), non-integer values and unsorted-looking density. */
    static CsrMatrix randomSparse(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] rows = new int[n * 4], cols = new int[n * 4];
        double[] values = new double[n * 4];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (i == 2) continue;
            for (int t = 0; t < 4; t++) {
                rows[count] = i;
                cols[count] = r.nextInt(d);
                values[count++] = r.nextDouble() * 3 - 1;
            }
        }
        return CsrMatrix.fromTriplets(n, d, rows, cols, values, count);
    }

    @Test
    void sparseRowsGatherAndNormaliseExactlyAsTheirDenseCopy() {
        CsrMatrix sparse = randomSparse(9, 13, 1);
        ViewInput s = ViewInput.of(View.sparse(sparse));
        ViewInput d = ViewInput.of(View.dense(sparse.toDense()));
        assertTrue(s.isSparse());
        int[] order = {4, 2, 8, 0, 7};
        for (boolean unit : new boolean[] {false, true}) {
            ViewInput a = unit ? s.unitRows() : s, b = unit ? d.unitRows() : d;
            float[] fromSparse = new float[4 * 13], fromDense = new float[4 * 13];
            java.util.Arrays.fill(fromSparse, 7f); // stale values must be overwritten
            a.gather(order, 1, 5, fromSparse);
            b.gather(order, 1, 5, fromDense);
            assertArrayEquals(fromDense, fromSparse);
            Tape tape = new Tape();
            assertArrayEquals(fromDense, a.gatherInto(tape, order, 1, 5).data());
        }
        assertArrayEquals(sparse.toDense().unitRows().data, s.unitRows().toDense().data);
    }

    @Test
    void pooledTapeBuffersAreFullyRewritten() {
        CsrMatrix sparse = randomSparse(9, 13, 2);
        ViewInput d = ViewInput.of(View.dense(sparse.toDense()));
        ViewInput s = ViewInput.of(View.sparse(sparse));
        int[] order = {3, 1, 8, 0, 6, 5, 2};
        Tape tape = new Tape();
        for (int round = 0; round < 3; round++) {
            int rows = round == 1 ? 7 : 3;
            tape.reset();
            float[] dense = d.gatherInto(tape, order, 0, rows).data();
            float[] fromSparse = new float[rows * 13];
            s.gather(order, 0, rows, fromSparse);
            assertArrayEquals(fromSparse, java.util.Arrays.copyOf(dense, rows * 13), "round " + round);
            org.specrage.tensor.SparseRows buffer = s.newSparseBuffer();
            ViewBatch batch = s.batch(tape, order, 0, rows, buffer);
            assertTrue(batch.sparse() != null && batch.rows() == rows);
        }
    }

    @Test
    void rejectsATooSmallBuffer() {
        ViewInput d = ViewInput.dense(new FMatrix(3, 4));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> d.gather(new int[] {0, 1}, 0, 2, new float[7]));
    }
}
