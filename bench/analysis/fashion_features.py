"""Exact spectral clustering of Fashion-MNIST on other feature spaces (analysis for the SpectralNet target).

Usage: python3 fashion_features.py [--export DIR]
Prints ACC/NMI of exact spectral clustering (kNN graph, self-tuning Gaussian, top eigenvectors of the
normalised adjacency, unit rows, k-means) on the 10,000 test images for raw pixels, PCA and
histogram-of-gradient features, plus an equal-size assignment. --export writes the 70,000 images'
HOG features and labels as NPY for `specrage cluster --data hog70.npy --labels y70.npy --preprocess none`.
Needs numpy, scipy, scikit-learn.
"""
import gzip, sys, time
import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix, diags
from scipy.sparse.linalg import eigsh
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import normalized_mutual_info_score as nmi
from sklearn.neighbors import NearestNeighbors

DATA = '/usr/share/datasets/fashion-mnist/'


def load(kind):
    with gzip.open(DATA + f'{kind}-images-idx3-ubyte.gz') as f:
        x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28).astype(np.float32) / 255
    with gzip.open(DATA + f'{kind}-labels-idx1-ubyte.gz') as f:
        y = np.frombuffer(f.read(), np.uint8, offset=8).astype(int)
    return x, y


def acc(y, p):
    c = np.zeros((10, 10))
    for a, b in zip(y, p):
        c[a, b] += 1
    r, cc = linear_sum_assignment(-c)
    return c[r, cc].sum() / len(y)


def hog(x, cell=4, bins=9):
    """Unsigned gradient-orientation histograms per cell (no block normalisation), square-rooted."""
    n = len(x)
    gx = np.zeros_like(x); gy = np.zeros_like(x)
    gx[:, :, 1:-1] = x[:, :, 2:] - x[:, :, :-2]
    gy[:, 1:-1, :] = x[:, 2:, :] - x[:, :-2, :]
    mag = np.hypot(gx, gy)
    ang = np.mod(np.arctan2(gy, gx), np.pi) / np.pi * bins
    b0 = np.floor(ang).astype(int) % bins; frac = ang - np.floor(ang); b1 = (b0 + 1) % bins
    c = 28 // cell
    h = np.zeros((n, c, c, bins), np.float32)
    for by in range(c):
        for bx in range(c):
            sl = (slice(None), slice(by * cell, (by + 1) * cell), slice(bx * cell, (bx + 1) * cell))
            m = mag[sl].reshape(n, -1); a0 = b0[sl].reshape(n, -1); a1 = b1[sl].reshape(n, -1); f = frac[sl].reshape(n, -1)
            for b in range(bins):
                h[:, by, bx, b] = (m * (1 - f) * (a0 == b)).sum(1) + (m * f * (a1 == b)).sum(1)
    return np.sqrt(h.reshape(n, -1))


def embedding(f, knn=10, sk=7, k=10):
    d, i = NearestNeighbors(n_neighbors=knn + 1).fit(f).kneighbors(f)
    d, i = d[:, 1:], i[:, 1:]
    n = len(f); sig = d[:, sk - 1] + 1e-12; rows = np.repeat(np.arange(n), knn)
    w = csr_matrix((np.exp(-d.ravel() ** 2 / (sig[rows] * sig[i.ravel()])), (rows, i.ravel())), shape=(n, n))
    w = (w + w.T) / 2
    dh = diags(1 / np.sqrt(np.asarray(w.sum(1)).ravel()))
    _, vecs = eigsh(dh @ w @ dh, k=k, which='LA')
    return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)


def equal_size(e, labels, k=10, iters=50, eps=0.05):
    """k-means refined under equal cluster sizes (Sinkhorn equipartition)."""
    c = np.array([e[labels == j].mean(0) for j in range(k)]); n = len(e)
    for _ in range(iters):
        dist = ((e[:, None, :] - c[None]) ** 2).sum(-1)
        kern = np.exp(-(dist - dist.min(1, keepdims=True)) / eps); u = np.ones(n); v = np.ones(k)
        for _ in range(200):
            u = 1 / (kern @ v); v = (n / k) / (kern.T @ u)
        p = (u[:, None] * kern * v[None]).argmax(1)
        c = np.array([e[p == j].mean(0) if (p == j).any() else c[j] for j in range(k)])
    return p


def main():
    if '--export' in sys.argv:
        out = sys.argv[sys.argv.index('--export') + 1]
        (xa, ya), (xb, yb) = load('train'), load('t10k')
        np.save(f'{out}/hog70.npy', hog(np.concatenate([xa, xb])).astype(np.float32))
        np.save(f'{out}/y70.npy', np.concatenate([ya, yb]).astype(np.int32))
        return
    x, y = load('t10k')
    raw = x.reshape(len(x), -1)
    spaces = [('raw pixels', raw), ('PCA 50 whitened', PCA(50, whiten=True, random_state=0).fit_transform(raw)),
              ('HOG 4x4 cells, 9 bins, sqrt', hog(x))]
    for name, f in spaces:
        for knn, sk in ((10, 7), (60, 30)):
            t = time.time(); e = embedding(f, knn, sk)
            p = KMeans(10, n_init=10, random_state=0).fit_predict(e)
            line = f'{name:28s} kNN {knn:3d}: ACC {acc(y, p):.4f} NMI {nmi(y, p):.4f}'
            if knn == 10:
                q = equal_size(e, p)
                line += f' | equal sizes: ACC {acc(y, q):.4f} NMI {nmi(y, q):.4f}'
            print(line + f' ({time.time() - t:.1f} s)', flush=True)


if __name__ == '__main__':
    main()
