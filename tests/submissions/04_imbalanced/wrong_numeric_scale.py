"""Precision at scale: SMOTE distances by expanding the square (|a|^2 + |b|^2 - 2 a.b),
which lose the spread far from 0; scores within isclose of each other merged into one
threshold (every tiny score, every timestamp 1e-7 apart)."""

import numpy as np


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    X = np.asarray(X_minority, dtype=float)
    rng = np.random.default_rng(random_state)
    sq = (X**2).sum(1)
    d2 = sq[:, None] + sq[None, :] - 2 * X @ X.T
    np.fill_diagonal(d2, np.inf)
    nn = np.argsort(d2, axis=1)[:, :k_neighbors]
    base = rng.integers(len(X), size=n_samples)
    other = nn[base, rng.integers(k_neighbors, size=n_samples)]
    u = rng.random((n_samples, 1))
    return X[base] + u * (X[other] - X[base])


def best_threshold(y_true, scores, beta=1.0):
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    u = np.unique(s)[::-1]
    keep = [u[0]]
    for v in u[1:]:
        if not np.isclose(v, keep[-1]):
            keep.append(v)
    b2 = beta**2
    best_t, best_f = None, -1.0
    for t in keep:
        flagged = s >= t
        tp = np.sum(flagged & (y == 1))
        fp = np.sum(flagged & (y == 0))
        fn = np.sum(~flagged & (y == 1))
        f = (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp) if tp else 0.0
        if f > best_f:
            best_t, best_f = t, f
    return float(best_t)
