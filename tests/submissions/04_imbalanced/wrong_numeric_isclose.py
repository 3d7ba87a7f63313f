"""Tolerance shortcuts deciding exact conditions: an F tie by isclose, a balanced set by
allclose, a row's own distance by isclose(d, 0)."""

import numpy as np


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    X = np.asarray(X_minority, dtype=float)
    rng = np.random.default_rng(random_state)
    dist = np.linalg.norm(X[:, None, :] - X[None, :, :], axis=-1)
    dist[np.isclose(dist, 0)] = np.inf  # "a row's distance to itself"
    nn = np.argsort(dist, axis=1, kind="stable")[:, :k_neighbors]
    base = rng.integers(len(X), size=n_samples)
    other = nn[base, rng.integers(k_neighbors, size=n_samples)]
    u = rng.random((n_samples, 1))
    return X[base] + u * (X[other] - X[base])


def balanced_class_weights(y):
    classes, counts = np.unique(np.asarray(y), return_counts=True)
    if np.allclose(counts, counts.mean()):  # balanced: every weight is 1
        return {c: 1.0 for c in classes.tolist()}
    n = counts.sum()
    return {c: float(n / (len(classes) * m)) for c, m in zip(classes.tolist(), counts)}


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
        f = (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp) if tp else 0.0
        if f > best_f and not np.isclose(f, best_f):  # a tie keeps the larger t
            best_t, best_f = t, f
    return float(best_t)
