"""WRONG (integer overflow): integer input is kept exact as int64 ("no float rounding,
and uint8/int8 no longer wrap"), so D² is computed in int64 and wraps once a squared
difference passes 2**63 (coordinates ~3.04e9 apart, far below the 2**53 the contract
covers). On X = [[0], [1], [3037000500]] (int64), k = 2, random_state = 0 it raises
ValueError ("probabilities are not non-negative"): D² of the far row is
3037000500**2 = 9.22337203700025e18 > 2**63 - 1 and wraps negative. Right: two
distinct rows by D² sampling (the reference returns [[3037000500], [0]] for seed 0).
Passes: the hidden integer inputs are 0..40, uint8 0..32 and int8 +-100."""

import numpy as np


def kmeans_plus_plus(X, k, random_state=None):
    X = np.asarray(X)
    if X.dtype.kind in "iub":
        X = X.astype(np.int64)  # exact integer arithmetic, no wrap-around of uint8/int8
    else:
        X = X.astype(float)
    rng = np.random.default_rng(random_state)
    n = len(X)
    chosen = [int(rng.integers(n))]
    d2 = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(1, k):
        new = int(rng.choice(n, p=d2 / d2.sum()))
        chosen.append(new)
        d2 = np.minimum(d2, ((X - X[new]) ** 2).sum(axis=1))
    return X[chosen]
