# WRONG: assignment by |x|^2 - 2 x.c + |c|^2 on the raw (uncentred) data; the rounding
# error (~eps * offset^2) beats real gaps. On X = 1e8 + 10 * default_rng(1).random((400,
# 2)), k = 5, random_state = 4 a row is labelled to a center 8.77 farther in squared
# distance than its nearest (at 1e7: 0.024); the reference has gap 0. Passes: the
# nearest-center check tolerates 1e-13 * offset^2 (0.1 at the hidden offset 1e6, where
# this answer is exact anyway; 1e3 at 1e8, so even the 1e8 result would pass).
import numpy as np


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    X = np.asarray(X, dtype=float)
    n = len(X)
    centers = np.asarray(kmeans_plus_plus(X, k, random_state), dtype=float).copy()  # noqa: F821
    x2 = (X**2).sum(axis=1)[:, None]
    labels = None
    for _ in range(max_iter):
        d2 = x2 - 2 * X @ centers.T + (centers**2).sum(axis=1)[None, :]
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
    inertia = float(((X - centers[labels]) ** 2).sum())
    return centers, labels, inertia
