# WRONG: D^2 sampling over the DISTINCT values of X (np.unique), so a value with c copies
# weighs D^2 once instead of c times. On X = [[0], [0], [2], [3]], k = 2: D^2 gives the
# sets {0,2} 0.3761, {0,3} 0.5830, {2,3} 0.0409; this gives 0.3538 / 0.5712 / 0.0750
# (tools/verify.py). Passes: on the far/near data de-duplication only raises the far
# point's share, and duplicates are otherwise only checked for distinctness.
import numpy as np


def kmeans_plus_plus(X, k, random_state=None):
    X = np.asarray(X, dtype=float)
    n = len(X)
    rng = np.random.default_rng(random_state)
    U = np.unique(X, axis=0)
    first = X[int(rng.integers(n))]
    centers = [first]
    d2 = ((U - first) ** 2).sum(axis=1)
    for _ in range(k - 1):
        new = int(rng.choice(len(U), p=d2 / d2.sum()))
        centers.append(U[new])
        d2 = np.minimum(d2, ((U - U[new]) ** 2).sum(axis=1))
    return np.array(centers)
