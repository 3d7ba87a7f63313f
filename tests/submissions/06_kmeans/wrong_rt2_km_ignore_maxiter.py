"""WRONG by the docstring ("max_iter: at most this many assignment steps"; the
notebook's clarification table: stop "when an assignment changes no label, or after
max_iter rounds"): max_iter is ignored, the loop runs until no label changes. On X =
[[0], [1], ..., [7]], k = 2, max_iter = 1, random_state = 1 (start [3], [7]) the
contract stops after one assignment and one update: centers [2.5, 6.5], labels [0,
0, 0, 0, 0, 0, 1, 1], inertia 18 (the reference); this runs on to centers [2, 6],
inertia 12. AMBIGUOUS: the contract table also demands "at return every label is its
point's nearest center", which a 1-round result need not satisfy. Passes: no hidden
call passes max_iter."""

import numpy as np


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    X = np.asarray(X, dtype=float)
    n = len(X)
    centers = np.array(kmeans_plus_plus(X, k, random_state), dtype=float)  # noqa: F821
    labels = None
    while True:
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
