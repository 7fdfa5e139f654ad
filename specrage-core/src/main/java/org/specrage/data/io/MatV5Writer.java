package org.specrage.data.io;

import org.specrage.data.MultiViewData;
import org.specrage.data.View;
import org.specrage.linalg.FMatrix;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes a data set as a compressed MAT v5 file in the common multi-view layout that
 * {@link DataLoader} (and scipy's loadmat) reads back: {@code X} a 1 x V cell of n x d matrices
 * (dense views as single precision, exactly the stored float32 values; sparse views as sparse
 * double), {@code Y} the labels 0..C-1 as an n x 1 double column, {@code feas} the view names
 * when any view has one, and {@code train_rows} when there is a predefined split.
 */
public final class MatV5Writer {
    private MatV5Writer() {
    }

    public static void write(Path path, MultiViewData data) {
        Mat5File mat = Mat5.newMatFile();
        int views = data.viewCount();
        Cell x = Mat5.newCell(1, views);
        boolean named = false;
        for (int v = 0; v < views; v++) {
            x.set(0, v, toArray(data.view(v)));
            named |= data.view(v).name() != null;
        }
        mat.addArray("X", x);
        if (data.hasLabels()) {
            int[] labels = data.labels();
            Matrix y = Mat5.newMatrix(labels.length, 1);
            for (int i = 0; i < labels.length; i++) y.setDouble(i, 0, labels[i]);
            mat.addArray("Y", y);
        }
        if (named) {
            Cell names = Mat5.newCell(1, views);
            for (int v = 0; v < views; v++) {
                String name = data.view(v).name();
                names.set(0, v, Mat5.newString(name == null ? "view" + v : name));
            }
            mat.addArray("feas", names);
        }
        if (data.predefinedTrainRows().isPresent()) {
            mat.addArray("train_rows", Mat5.newScalar(data.predefinedTrainRows().getAsInt()));
        }
        try {
            Mat5.writeToFile(mat, path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    private static Array toArray(View view) {
        if (view.isSparse()) return new MatSparseArray(view.sparse());
        FMatrix m = view.dense();
        Matrix out = Mat5.newMatrix(m.rows, m.cols, MatlabType.Single);
        for (int r = 0; r < m.rows; r++) {
            for (int c = 0; c < m.cols; c++) out.setFloat(r, c, m.data[r * m.cols + c]);
        }
        return out;
    }
}
