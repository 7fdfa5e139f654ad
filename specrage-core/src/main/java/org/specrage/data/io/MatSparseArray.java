package org.specrage.data.io;

import org.specrage.linalg.CsrMatrix;
import us.hebi.matlab.mat.format.Mat5Serializable;
import us.hebi.matlab.mat.format.Mat5Type;
import us.hebi.matlab.mat.format.Mat5WriteUtil;
import us.hebi.matlab.mat.types.AbstractSparse;
import us.hebi.matlab.mat.types.Sink;

import java.io.IOException;
import java.util.Arrays;

/**
 * A read-only MATLAB sparse double matrix over a {@link CsrMatrix}, so that mfl-core can write
 * sparse views (mfl-core 0.5.15 has no public way to create one). MATLAB stores sparse matrices by
 * column (ir/jc/pr); the CSR form of the transpose is exactly that layout.
 */
final class MatSparseArray extends AbstractSparse implements Mat5Serializable, Mat5Serializable.Mat5Attributes {
    private final int nnz;
    private final int nzMax;
    private final int[] ir;  // row index of each entry, column by column; nzMax long
    private final int[] jc;  // start of each column in ir/pr; cols + 1 long
    private final double[] pr; // values; nzMax long

    MatSparseArray(CsrMatrix m) {
        super(new int[]{m.rows, m.cols});
        CsrMatrix byColumn = m.transpose();
        this.nnz = byColumn.nnz();
        this.nzMax = Math.max(1, nnz); // MATLAB wants room for at least one entry
        this.ir = Arrays.copyOf(byColumn.colIndex, nzMax);
        this.jc = byColumn.rowStart.clone();
        this.pr = Arrays.copyOf(byColumn.values, nzMax);
    }

    @Override
    @SuppressWarnings("deprecation") // still what the MAT header writer asks for
    public int getNzMax() {
        return nzMax;
    }

    @Override
    public int getNumNonZero() {
        return nnz;
    }

    @Override
    public boolean isLogical() {
        return false;
    }

    @Override
    public boolean isComplex() {
        return false;
    }

    @Override
    public void forEach(SparseConsumer action) {
        for (int c = 0; c + 1 < jc.length; c++) {
            for (int k = jc[c]; k < jc[c + 1]; k++) action.accept(ir[k], c, pr[k], 0);
        }
    }

    @Override
    public double getDouble(int index) {
        int rows = getNumRows();
        int c = index / rows, r = index % rows;
        int k = Arrays.binarySearch(ir, jc[c], jc[c + 1], r);
        return k >= 0 ? pr[k] : getDefaultValue();
    }

    @Override
    public void setDouble(int index, double value) {
        throw new UnsupportedOperationException("read-only sparse matrix");
    }

    @Override
    public double getImaginaryDouble(int index) {
        return 0;
    }

    @Override
    public void setImaginaryDouble(int index, double value) {
        throw new UnsupportedOperationException("read-only sparse matrix");
    }

    @Override
    public int getMat5Size(String name) {
        return us.hebi.matlab.mat.format.Mat5.MATRIX_TAG_SIZE + Mat5WriteUtil.computeArrayHeaderSize(name, this)
                + Mat5Type.Int32.computeSerializedSize(nzMax)
                + Mat5Type.Int32.computeSerializedSize(jc.length)
                + Mat5Type.Double.computeSerializedSize(nzMax);
    }

    @Override
    public void writeMat5(String name, boolean isGlobal, Sink sink) throws IOException {
        Mat5WriteUtil.writeMatrixTag(name, this, sink);
        Mat5WriteUtil.writeArrayHeader(name, isGlobal, this, sink);
        Mat5Type.Int32.writeTag(nzMax, sink);
        sink.writeInts(ir, 0, nzMax);
        Mat5Type.Int32.writePadding(nzMax, sink);
        Mat5Type.Int32.writeTag(jc.length, sink);
        sink.writeInts(jc, 0, jc.length);
        Mat5Type.Int32.writePadding(jc.length, sink);
        Mat5Type.Double.writeTag(nzMax, sink);
        sink.writeDoubles(pr, 0, nzMax);
        Mat5Type.Double.writePadding(nzMax, sink);
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    protected int subHashCode() {
        return 31 * Arrays.hashCode(jc) + Arrays.hashCode(pr);
    }

    @Override
    protected boolean subEqualsGuaranteedSameClass(Object other) {
        MatSparseArray o = (MatSparseArray) other;
        return nnz == o.nnz && Arrays.equals(ir, o.ir) && Arrays.equals(jc, o.jc) && Arrays.equals(pr, o.pr);
    }
}
