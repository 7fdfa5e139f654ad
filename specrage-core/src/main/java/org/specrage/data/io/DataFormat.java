package org.specrage.data.io;

/** The file formats {@link DataLoader} reads. */
public enum DataFormat {
    /** MATLAB MAT-file version 5 (also 7.0), read with mfl-core. */
    MAT_V5,
    /** MATLAB MAT-file version 7.3 (HDF5 with a 512-byte user block), read with jhdf. */
    MAT_V73,
    /** NumPy .npy array, optionally gzip-compressed. */
    NPY,
    /** IDX (MNIST style), optionally gzip-compressed. */
    IDX,
    /** A directory holding train/t10k IDX image and label files. */
    IDX_DIRECTORY,
    /** Delimited text: comma, tab, semicolon or whitespace separated, optionally gzip-compressed. */
    CSV,
    /** LIBSVM / SVMlight sparse text, optionally gzip-compressed. */
    LIBSVM
}
