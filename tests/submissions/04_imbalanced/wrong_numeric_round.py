"""Rounding: SMOTE rows rounded to 6 decimals, F-beta rounded to 9 decimals before comparing."""

import numpy as np


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    X = np.asarray(X_minority, dtype=float)
    rng = np.random.default_rng(random_state)
    dist = np.linalg.norm(X[:, None, :] - X[None, :, :], axis=-1)
    np.fill_diagonal(dist, np.inf)
    nn = np.argsort(dist, axis=1)[:, :k_neighbors]
    base = rng.integers(len(X), size=n_samples)
    other = nn[base, rng.integers(k_neighbors, size=n_samples)]
    u = rng.random((n_samples, 1))
    return np.round(X[base] + u * (X[other] - X[base]), 6)


def best_threshold(y_true, scores, beta=1.0):
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    b2 = beta**2
    best_t, best_f = None, -1.0
    for t in np.unique(s)[::-1]:
        flagged = s >= t
        tp = np.sum(flagged & (y == 1))
        fp = np.sum(flagged & (y == 0))
        fn = np.sum(~flagged & (y == 1))
        f = round((1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp), 9) if tp else 0.0
        if f > best_f:
            best_t, best_f = t, f
    return float(best_t)
