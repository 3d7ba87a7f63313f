"""Wrong (numerically): squared distances as |x|² - 2x·c + |c|² on the raw data, so
with coordinates near 1e6 the inertia loses five digits to cancellation.
kmeans_plus_plus is the notebook's own (the solved one).
"""

import numpy as np


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    X = np.asarray(X, dtype=float)
    centers = np.array(kmeans_plus_plus(X, k, random_state), dtype=float)  # noqa: F821
    sq = (X**2).sum(axis=1)[:, None]
    labels = None
    for _ in range(max_iter):
        d2 = sq - 2 * X @ centers.T + (centers**2).sum(axis=1)[None, :]
        new = d2.argmin(axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        for j in range(k):
            if np.any(labels == j):
                centers[j] = X[labels == j].mean(axis=0)
    d2 = sq - 2 * X @ centers.T + (centers**2).sum(axis=1)[None, :]
    return centers, labels, float(d2[np.arange(len(X)), labels].sum())
