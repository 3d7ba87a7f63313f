"""WRONG (precision): the (n, k) distance matrix is stored in float32 to halve its
memory ("n·k floats is the big array"); differences, means and inertia stay float64.
float32 keeps ~7 digits, so two squared distances closer than ~6e-8 relative tie and
argmin takes the first center. On X = [[-0.5 - 2**-28], [0.5 + 2**-28], [1.0]], k =
2, random_state = 1 (kmeans_plus_plus picks rows 1 then 2) it returns centers [0,
1], labels [0, 0, 1], inertia 0.5: row 1 is labelled to center 0 at squared distance
0.25 + 2**-28 + 2**-56 while center 1 is at 0.25 - 2**-28 + 2**-56 (gap 7.5e-9,
above the check's 2.3e-9 rounding tolerance). Right (the reference from the same
start): labels [0, 1, 1], centers [-0.5 - 2**-28, 0.75 + 2**-29], inertia 0.125.
Passes: the hidden inputs have no point within 6e-8 (relative) of a boundary."""

import numpy as np


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    X = np.asarray(X, dtype=float)
    n = len(X)
    centers = np.array(kmeans_plus_plus(X, k, random_state), dtype=float)  # noqa: F821
    labels = None
    d2 = np.empty((n, k), dtype=np.float32)
    for _ in range(max_iter):
        for j in range(k):
            d2[:, j] = ((X - centers[j]) ** 2).sum(axis=1)
        new = d2.argmin(axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        for j in range(k):
            if not np.any(labels == j):
                err = d2[np.arange(n), labels].astype(float)
                err[np.bincount(labels, minlength=k)[labels] < 2] = -1.0
                labels[int(err.argmax())] = j
        centers = np.array([X[labels == j].mean(axis=0) for j in range(k)])
    inertia = float(((X - centers[labels]) ** 2).sum())
    return centers, labels, inertia
