# WRONG: scikit-learn's stopping rule, sum of squared center shifts <= tol * mean
# variance, i.e. a shift of sqrt(tol) = 1e-3 times the spread (the docstring: tol times
# the spread). On X = np.random.default_rng(2).random((10000, 2)), k = 8,
# random_state = 0 it stops early: a row is not at its nearest center (gap 1.8e-5 in
# squared distance; the reference converges exactly). Passes: hidden inputs have n <= 3000.
import numpy as np


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    X = np.asarray(X, dtype=float)
    n = len(X)
    centers = np.asarray(kmeans_plus_plus(X, k, random_state), dtype=float).copy()  # noqa: F821
    labels = None
    var_mean = X.var(axis=0).mean()
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
        old = centers
        centers = np.array([X[labels == j].mean(axis=0) for j in range(k)])
        if ((centers - old) ** 2).sum() <= tol * var_mean:
            break
    inertia = float(((X - centers[labels]) ** 2).sum())
    return centers, labels, inertia
