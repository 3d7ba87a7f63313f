"""WRONG: "production-ready" restarts (scikit-learn's n_init): runs Lloyd from
kmeans_plus_plus(X, k, random_state) and from 9 more starts with seeds drawn from
default_rng(random_state), and returns the run with the lowest inertia. The contract
returns the run started from kmeans_plus_plus(X, k, random_state). On X =
np.random.default_rng(5).random((200, 2)), k = 8, random_state = 5 it returns
inertia 3.93451 where the contract's run (the reference) has 4.14474 (seed 9:
3.86563 against 4.11442; tools/verify_km.py). Passes: every check is an invariant of
a converged run, the result is reproducible, and check_kmeans_uses_init only asks
for one call of kmeans_plus_plus with the same k and random_state (the first start
is one)."""

import numpy as np


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None, n_init=10):
    def _lloyd(X, centers, max_iter):
        n, k = len(X), len(centers)
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

    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(random_state)
    seeds = [random_state] + [int(s) for s in rng.integers(2**31, size=n_init - 1)]
    best = None
    for seed in seeds:
        start = np.array(kmeans_plus_plus(X, k, seed), dtype=float)  # noqa: F821
        run = _lloyd(X, start, max_iter)
        if best is None or run[2] < best[2]:
            best = run
    return best
