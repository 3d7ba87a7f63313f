"""Wrong: D measured to the last chosen center only, not to the nearest of them, so
an earlier center (or a copy of it) can be drawn again."""

import numpy as np


def kmeans_plus_plus(X, k, random_state=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(random_state)
    chosen = [rng.integers(len(X))]
    for _ in range(1, k):
        d2 = ((X - X[chosen[-1]]) ** 2).sum(axis=1)
        chosen.append(rng.choice(len(X), p=d2 / d2.sum()))
    return X[chosen]
