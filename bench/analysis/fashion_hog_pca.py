"""Writes Fashion-MNIST as HOG features reduced to 40 whitened PCA components, for the CLI.

Usage: python3 fashion_hog_pca.py OUT.mat
HOG as in fashion_features.py (4x4 cells, 9 unsigned bins, square-rooted); the PCA is fitted on the
60,000 training images only. The MAT file holds X (70,000 x 40), Y and train_rows = 60000, so
`specrage fit ... --test-split test` trains on the training images and scores the 10,000 test images.
Needs numpy and scipy.
"""
import sys
import numpy as np
import scipy.io
from fashion_features import load, hog

if __name__ == '__main__':
    xtr, ytr = load('train')
    xte, yte = load('t10k')
    h = hog(np.concatenate([xtr, xte]))
    train = h[:60000]
    mean = train.mean(0)
    values, vectors = np.linalg.eigh(np.cov((train - mean).T))
    top = np.argsort(values)[::-1][:40]
    projection = vectors[:, top] / np.sqrt(values[top])
    features = ((h - mean) @ projection).astype(np.float32)
    labels = np.concatenate([ytr, yte]).astype(np.float64).reshape(-1, 1)
    scipy.io.savemat(sys.argv[1], {'X': features, 'Y': labels, 'train_rows': np.array([[60000.0]])})
    print('wrote', sys.argv[1], features.shape)
