"""WRONG (magnitude): D² by the |x|² - 2x·c + |c|² expansion on the raw, uncentred data
(copies of a chosen row masked to exactly 0, negatives clipped). Its rounding error
is ~eps·|x|², so at offset 1e8 a real D² of 1 comes out as 0. On X = [[1e8], [1e8 +
1]], k = 2 (any seed) the second row gets D² = 0 too, and rng.choice raises
ValueError (probabilities contain NaN). Right: both rows (X has 2 distinct rows, k =
2). Passes: the hidden kmeans_plus_plus inputs stop at offset 1e6 (error ~4e-4
against D² of order 1 to 100)."""

import numpy as np


def kmeans_plus_plus(X, k, random_state=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(random_state)
    n = len(X)
    sq = (X**2).sum(axis=1)

    def dist2(i):
        d = np.maximum(sq - 2 * X @ X[i] + sq[i], 0.0)
        d[np.all(X == X[i], axis=1)] = 0.0  # a chosen row and its copies: D = 0
        return d

    chosen = [int(rng.integers(n))]
    d2 = dist2(chosen[0])
    for _ in range(1, k):
        new = int(rng.choice(n, p=d2 / d2.sum()))
        chosen.append(new)
        d2 = np.minimum(d2, dist2(new))
    return X[chosen]
