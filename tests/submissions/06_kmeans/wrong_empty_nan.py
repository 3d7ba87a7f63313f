"""Wrong: an empty cluster is not handled: its center becomes the mean of nothing.

kmeans_plus_plus is the notebook's own (the solved one).
"""

import numpy as np


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    X = np.asarray(X, dtype=float)
    centers = np.array(kmeans_plus_plus(X, k, random_state), dtype=float)  # noqa: F821
    labels = None
    for _ in range(max_iter):
        d2 = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
        new = d2.argmin(axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        centers = np.array([X[labels == j].mean(axis=0) for j in range(k)])
    return centers, labels, float(((X - centers[labels]) ** 2).sum())
