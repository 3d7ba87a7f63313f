"""Wrong SMOTE (subtle): neighbours by Manhattan distance; weights keyed by class index;
best_threshold adds an inf candidate (thresholds not in scores)."""

import numpy as np


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    rng = np.random.default_rng(random_state)
    X = np.asarray(X_minority, dtype=float)
    d = np.abs(X[:, None, :] - X[None, :, :]).sum(-1)
    np.fill_diagonal(d, np.inf)
    nbrs = np.argsort(d, axis=1)[:, :k_neighbors]
    base = rng.integers(0, len(X), n_samples)
    nb = nbrs[base, rng.integers(0, k_neighbors, n_samples)]
    u = rng.random((n_samples, 1))
    return X[base] + u * (X[nb] - X[base])


def balanced_class_weights(y):
    classes, inv = np.unique(np.asarray(y), return_inverse=True)
    counts = np.bincount(inv)
    return {i: len(inv) / (len(classes) * k) for i, k in enumerate(counts)}


def best_threshold(y_true, scores, beta=1.0):
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    cands = np.r_[np.unique(s), np.inf]
    best_t, best_f = None, -1
    b2 = beta**2
    for t in cands:
        pred = s >= t
        tp = np.sum(pred & (y == 1))
        fp = np.sum(pred & (y == 0))
        fn = np.sum(~pred & (y == 1))
        den = (1 + b2) * tp + b2 * fn + fp
        f = (1 + b2) * tp / den if den else 0.0
        if f >= best_f:
            best_t, best_f = t, f
    return best_t
