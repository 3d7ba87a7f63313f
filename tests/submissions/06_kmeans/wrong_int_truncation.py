"""Wrong: X kept in its own dtype: with integer input the means are truncated when
stored into the integer array of centers.
kmeans_plus_plus is the notebook's own (the solved one).
"""

import numpy as np


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    X = np.asarray(X)
    idx = [
        int(np.flatnonzero((X == c).all(axis=1))[0])
        for c in kmeans_plus_plus(X, k, random_state)  # noqa: F821
    ]
    centers = X[idx].copy()
    labels = None
    for _ in range(max_iter):
        d2 = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
        new = d2.argmin(axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        for j in range(k):
            if np.any(labels == j):
                centers[j] = X[labels == j].mean(axis=0)
    return centers, labels, float(((X - centers[labels]) ** 2).sum())
