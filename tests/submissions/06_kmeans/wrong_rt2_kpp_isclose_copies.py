"""WRONG (tolerance deciding an exact condition): "a chosen row and every copy of it
has D = 0" is enforced with np.isclose(rtol=1e-12, atol=0) "to be safe from
rounding", so a distinct row within 1e-12 relative of a center counts as a copy and
can never be drawn. On X = [[1e6], [1e6 + 1e-7], [0]], k = 3 (3 distinct rows) it
raises ValueError (D² all 0 before the third draw) for every seed (0..3 checked):
once one of the pair is drawn the other has D = 0; right: all three rows (the
reference). Passes: the hidden close rows are 1e-7 apart at magnitude 1 (relative
1e-7) and 1e-30 apart at 0; rows at the 1e6 offset differ by ~1e-2."""

import numpy as np


def kmeans_plus_plus(X, k, random_state=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(random_state)
    n = len(X)

    def dist2(i):
        d = ((X - X[i]) ** 2).sum(axis=1)
        d[np.isclose(X, X[i], rtol=1e-12, atol=0.0).all(axis=1)] = 0.0  # copies: D = 0
        return d

    chosen = [int(rng.integers(n))]
    d2 = dist2(chosen[0])
    for _ in range(1, k):
        new = int(rng.choice(n, p=d2 / d2.sum()))
        chosen.append(new)
        d2 = np.minimum(d2, dist2(new))
    return X[chosen]
