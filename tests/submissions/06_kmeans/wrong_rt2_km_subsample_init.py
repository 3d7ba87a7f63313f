"""WRONG (subsampling): for n > 1000 it seeds on a random sample of 1000 rows
(MiniBatchKMeans' init_size idea, "k-means++ costs k passes"), then runs Lloyd on
all of X. The contract starts from kmeans_plus_plus(X, k, random_state) on the whole
X. On X = 1500 copies of [0] and one [1] (row 500), k = 2, random_state = 3 the
sample misses [1], kmeans_plus_plus(sample) has D² = 0 everywhere and raises
ValueError (probabilities contain NaN); right: centers {0, 1}, inertia 0 (the
reference, for every seed; of seeds 0..4 this answer crashes for 3 and 4). Passes:
check_kmeans_uses_init runs on 200 rows and does not look at the X passed; the
larger hidden inputs (3000, 10000 uniform points) converge to valid local optima."""

import numpy as np


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    X = np.asarray(X, dtype=float)
    n = len(X)
    sample = X
    if n > 1000:
        rows = np.random.default_rng(random_state).choice(n, 1000, replace=False)
        sample = X[rows]
    centers = np.array(kmeans_plus_plus(sample, k, random_state), dtype=float)  # noqa: F821
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
