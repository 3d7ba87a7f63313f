"""WRONG (integer overflow): cluster sums accumulate in X's own dtype ("integer data
stay exact"; np.add.at into np.zeros((k, d), X.dtype) for integer X), then divide by
the counts. With uint8/int8 input the sums wrap. On X = np.array([[200], [200],
[0]], dtype=np.uint8), k = 2 (any seed) the cluster {200, 200} sums to 400 mod 256 =
144 and its center comes out 72; right: centers {200, 0}, inertia 0. (The check then
sees a center that is not the mean of its points, but no hidden kmeans input is
uint8/int8.) Passes: the hidden integer input for kmeans is a list of 0..39 (int64:
no wrap)."""

import numpy as np


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    X = np.asarray(X)
    n, d = X.shape
    centers = np.array(kmeans_plus_plus(X, k, random_state), dtype=float)  # noqa: F821
    labels = None
    for _ in range(max_iter):
        d2 = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
        new = d2.argmin(axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        for j in range(k):
            if not np.any(labels == j):
                err = d2[np.arange(n), labels].copy()
                err[np.bincount(labels, minlength=k)[labels] < 2] = -np.inf
                labels[int(err.argmax())] = j
        acc = X.dtype if X.dtype.kind in "iu" else np.float64  # integer sums stay exact
        sums = np.zeros((k, d), dtype=acc)
        np.add.at(sums, labels, X)
        centers = sums / np.bincount(labels, minlength=k)[:, None]
    return centers, labels, float(((X - centers[labels]) ** 2).sum())
