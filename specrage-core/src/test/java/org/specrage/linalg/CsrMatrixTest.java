package org.specrage.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsrMatrixTest {
    @Test
    void fromDenseKeepsTheNonZerosInColumnOrder() {
        FMatrix m = new FMatrix(3, 4);
        m.set(0, 2, 1.5f);
        m.set(0, 0, -2f);
        m.set(2, 3, 4f);
        CsrMatrix s = CsrMatrix.fromDense(m);
        assertEquals(3, s.nnz());
        assertEquals(0, s.colIndex[0]);
        assertEquals(2, s.colIndex[1]);
        assertEquals(0, s.rowStart[2] - s.rowStart[1], "row 1 is empty");
        for (int r = 0; r < 3; r++) for (int c = 0; c < 4; c++) assertEquals(m.get(r, c), s.get(r, c));
    }

    @Test
    void hconcatShiftsEachPartsColumns() {
        FMatrix a = new FMatrix(2, 2), b = new FMatrix(2, 3);
        a.set(0, 1, 1f);
        a.set(1, 0, 2f);
        b.set(0, 0, 3f);
        b.set(1, 2, 5f);
        CsrMatrix joined = CsrMatrix.hconcat(List.of(CsrMatrix.fromDense(a), CsrMatrix.fromDense(b)));
        assertEquals(5, joined.cols);
        FMatrix expected = FMatrix.hconcat(List.of(a, b));
        for (int r = 0; r < 2; r++) for (int c = 0; c < 5; c++) assertEquals(expected.get(r, c), joined.get(r, c));
        assertThrows(IllegalArgumentException.class, () -> CsrMatrix.hconcat(List.of(CsrMatrix.fromDense(a), CsrMatrix.fromDense(new FMatrix(3, 1)))));
    }
}
