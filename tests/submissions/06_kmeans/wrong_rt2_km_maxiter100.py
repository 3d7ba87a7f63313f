"""WRONG (fixed iteration cap): the signature's default is max_iter=100 (a common
textbook value) instead of the contract's 300, so a run that needs more rounds
returns labels of older centers. On X = np.random.default_rng(2).random((30000, 2)),
k = 12, random_state = 0 Lloyd's algorithm needs 151 assignment rounds; this stops
at 100 and a row is labelled to a center that is not its nearest (see
tools/verify_km.py; the reference converges, every row at its nearest center).
Passes: the hidden runs need at most 54 rounds (10000 uniform points, k = 8)."""

import numpy as np


def kmeans(X, k, max_iter=100, tol=1e-6, random_state=None):
    X = np.asarray(X, dtype=float)
    n = len(X)
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
        centers = np.array([X[labels == j].mean(axis=0) for j in range(k)])
    return centers, labels, float(((X - centers[labels]) ** 2).sum())
