"""Wrong SMOTE (subtle): x_nn is always the nearest neighbour (k_neighbors ignored
except for validation)."""

import numpy as np


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    rng = np.random.default_rng(random_state)
    X = np.asarray(X_minority, dtype=float)
    d = ((X[:, None] - X[None]) ** 2).sum(-1)
    np.fill_diagonal(d, np.inf)
    nbrs = np.argsort(d, axis=1)[:, :k_neighbors]
    base = rng.integers(0, len(X), n_samples)
    nb = nbrs[base, 0]
    u = rng.random((n_samples, 1))
    return X[base] + u * (X[nb] - X[base])
