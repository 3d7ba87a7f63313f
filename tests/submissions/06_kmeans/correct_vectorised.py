"""Correct: NumPy throughout. Seeding by cumulative sums and searchsorted; Lloyd with
one-hot means (a matrix product), convergence by unchanged centers."""

import numpy as np


def kmeans_plus_plus(X, k, random_state=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(random_state)
    n = X.shape[0]
    idx = np.empty(k, dtype=int)
    idx[0] = rng.integers(n)
    closest = np.sum((X - X[idx[0]]) ** 2, axis=1)
    for j in range(1, k):
        cum = np.cumsum(closest)
        idx[j] = np.searchsorted(cum, rng.random() * cum[-1], side="right")
        closest = np.minimum(closest, np.sum((X - X[idx[j]]) ** 2, axis=1))
    return X[idx]


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    X = np.asarray(X, dtype=float)
    n = len(X)
    C = kmeans_plus_plus(X, k, random_state).astype(float)
    for _ in range(max_iter):
        d2 = np.einsum("nkd,nkd->nk", X[:, None] - C[None], X[:, None] - C[None])
        labels = np.argmin(d2, axis=1)
        counts = np.bincount(labels, minlength=k)
        for j in np.flatnonzero(counts == 0):
            own = d2[np.arange(n), labels]
            own[counts[labels] <= 1] = -np.inf
            far = int(np.argmax(own))
            counts[labels[far]] -= 1
            labels[far] = j
            counts[j] = 1
        onehot = np.eye(k)[labels]
        new = onehot.T @ X / counts[:, None]
        if np.array_equal(new, C):
            break
        C = new
    labels = np.argmin(((X[:, None] - C[None]) ** 2).sum(-1), axis=1)
    return C, labels, float(((X - C[labels]) ** 2).sum())
