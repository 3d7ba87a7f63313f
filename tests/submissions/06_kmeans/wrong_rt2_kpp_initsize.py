"""WRONG (subsampling): for large n it seeds on a random subsample of 3 * 1024 rows, as
MiniBatchKMeans does with its init_size, "k-means++ is k passes over the data". A
row outside the subsample can never be a center. On X = 5000 copies of [0] and one
[1] (row 2500), k = 2, random_state = 1 the subsample misses [1] and rng.choice
raises ValueError (D² all 0); right: [[0], [1]] (2 distinct rows, k = 2; the
reference returns both for every seed). Misses it for ~39% of seeds (17 of seeds
0..49). Passes: the hidden inputs have at most 3000 rows (the rare-row check uses
1501)."""

import numpy as np


def kmeans_plus_plus(X, k, random_state=None):
    X = np.asarray(X, dtype=float)
    rng = np.random.default_rng(random_state)
    n = len(X)
    rows = np.arange(n)
    init_size = 3 * 1024
    if n > init_size:
        rows = rng.choice(n, init_size, replace=False)
    S = X[rows]
    m = len(S)
    chosen = [int(rng.integers(m))]
    d2 = ((S - S[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, k):
        new = int(rng.choice(m, p=d2 / d2.sum()))
        chosen.append(new)
        d2 = np.minimum(d2, ((S - S[new]) ** 2).sum(axis=1))
    return S[chosen]
