"""Plausible wrong answers: the mistake each function makes is the common one."""

import numpy as np
from sklearn.neighbors import NearestNeighbors


def random_undersample(X, y, random_state=None):
    # draws with replacement: rows repeat and the smallest class is not kept whole
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, counts = np.unique(y, return_counts=True)
    keep = np.concatenate(
        [
            rng.choice(np.flatnonzero(y == c), counts.min(), replace=True)
            for c in classes
        ]
    )
    return X[keep], y[keep]


def random_oversample(X, y, random_state=None):
    # redraws every class with replacement: some original rows are dropped
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, counts = np.unique(y, return_counts=True)
    keep = np.concatenate(
        [
            rng.choice(np.flatnonzero(y == c), counts.max(), replace=True)
            for c in classes
        ]
    )
    return X[keep], y[keep]


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    # the point itself counts as one of its k neighbours
    X = np.asarray(X_minority, dtype=float)
    rng = np.random.default_rng(random_state)
    idx = (
        NearestNeighbors(n_neighbors=k_neighbors)
        .fit(X)
        .kneighbors(X, return_distance=False)
    )
    base = rng.integers(0, len(X), n_samples)
    other = idx[base, rng.integers(0, k_neighbors, n_samples)]
    u = rng.random((n_samples, 1))
    return X[base] + u * (X[other] - X[base])


def balanced_class_weights(y):
    # inverted: the frequent class gets the large weight
    classes, counts = np.unique(y, return_counts=True)
    return {c: len(classes) * n / len(y) for c, n in zip(classes, counts)}


def best_threshold(y_true, scores, beta=1.0):
    # on a tie keeps the smallest threshold (ascending order, `>`)
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    best_t, best_f = None, -1.0
    for t in np.unique(s):
        pred = s >= t
        tp = np.sum(pred & (y == 1))
        fp = np.sum(pred & (y == 0))
        fn = np.sum(~pred & (y == 1))
        b2 = beta**2
        f = (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp) if tp else 0.0
        if f > best_f:
            best_t, best_f = t, f
    return best_t
