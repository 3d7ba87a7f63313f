"""Wrong: weights D (the distance), not D² (its square)."""

import numpy as np


def kmeans_plus_plus(X, k, random_state=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(random_state)
    n = len(X)
    chosen = [rng.integers(n)]
    d = np.linalg.norm(X - X[chosen[0]], axis=1)
    for _ in range(1, k):
        new = rng.choice(n, p=d / d.sum())
        chosen.append(new)
        d = np.minimum(d, np.linalg.norm(X - X[new], axis=1))
    return X[chosen]
