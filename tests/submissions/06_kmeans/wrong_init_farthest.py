"""Wrong: farthest-point seeding: a random first center, then always the point with
the largest D² (argmax) instead of a draw in proportion to D²."""

import numpy as np


def kmeans_plus_plus(X, k, random_state=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(random_state)
    chosen = [rng.integers(len(X))]
    d2 = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, k):
        new = int(np.argmax(d2))
        chosen.append(new)
        d2 = np.minimum(d2, ((X - X[new]) ** 2).sum(axis=1))
    return X[chosen]
