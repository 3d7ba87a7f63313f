"""WRONG by the contract, and it is the notebook's own solution (the hint's code): the
"also stop when no center moves more than tol times the data's spread" rule breaks
right after an update, returning the labels of the previous centers. The spread is
global, so one far row makes tol·spread huge and the loop stops after one round. On
X = [[6], [8], [15], [1e9]], k = 3, random_state = 0 (kmeans_plus_plus start [1e9,
6, 8]; spread 4.3e8) it returns centers [1e9, 6, 11.5], labels [1, 2, 2, 0]: row [8]
is labelled to 11.5 (squared distance 12.25) while center 6 is at 4 (gap 8.25),
contradicting "every label is its point's nearest center". Lloyd to convergence from
the same start gives centers {1e9, 7, 15}, inertia 2 (this: 24.5). Passes, and would
pass even on that input: check_kmeans's tolerance for the nearest center is
1e-9·extent² = 1e9 there (global extent, not the row's own scale)."""

import numpy as np


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    X = np.asarray(X, dtype=float)
    centers = np.array(kmeans_plus_plus(X, k, random_state), dtype=float)  # noqa: F821
    spread = np.sqrt(X.var(axis=0).mean())
    labels = None
    for _ in range(max_iter):
        d2 = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)  # (n, k)
        new_labels = d2.argmin(axis=1)  # 2. assign
        if labels is not None and np.array_equal(new_labels, labels):
            break  # no label changed: converged
        labels = new_labels
        for j in range(k):
            if not np.any(labels == j):
                dist = d2[np.arange(len(X)), labels]
                dist[np.bincount(labels, minlength=k)[labels] < 2] = -1
                labels[dist.argmax()] = j
        old = centers
        centers = np.array([X[labels == j].mean(axis=0) for j in range(k)])  # 3. update
        if np.sqrt(((centers - old) ** 2).sum(axis=1)).max() <= tol * spread:
            break
    inertia = ((X - centers[labels]) ** 2).sum()
    return centers, labels, float(inertia)
