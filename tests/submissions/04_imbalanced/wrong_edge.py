"""Answers right on the worked examples, wrong on an edge case the contract names."""

import numpy as np


def random_undersample(X, y, random_state=None):
    # counts with np.bincount: labels must be 0, 1, 2...; fails on strings or gaps
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    counts = np.bincount(y)
    keep = np.concatenate(
        [
            rng.choice(np.flatnonzero(y == c), counts.min(), replace=False)
            for c in range(len(counts))
        ]
    )
    return X[keep], y[keep]


def random_oversample(X, y, random_state=None):
    # repeats each class in order (np.resize) instead of drawing at random
    X, y = np.asarray(X), np.asarray(y)
    classes, counts = np.unique(y, return_counts=True)
    keep = np.concatenate(
        [np.resize(np.flatnonzero(y == c), counts.max()) for c in classes]
    )
    return X[keep], y[keep]


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    # steps from the neighbour away from x: x_nn + u (x_nn - x) leaves the segment
    X = np.asarray(X_minority, dtype=float)
    rng = np.random.default_rng(random_state)
    d = np.linalg.norm(X[:, None] - X[None], axis=2)
    np.fill_diagonal(d, np.inf)
    nn = np.argsort(d, axis=1)[:, :k_neighbors]
    base = rng.integers(0, len(X), n_samples)
    other = nn[base, rng.integers(0, k_neighbors, n_samples)]
    return X[other] + rng.random((n_samples, 1)) * (X[other] - X[base])


def balanced_class_weights(y):
    # forgets the number of classes: n / count
    classes, counts = np.unique(y, return_counts=True)
    return {c: len(y) / n for c, n in zip(classes, counts)}


def best_threshold(y_true, scores, beta=1.0):
    # returns the best F-beta value instead of the threshold
    from sklearn.metrics import fbeta_score

    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    return max(fbeta_score(y, s >= t, beta=beta, zero_division=0) for t in np.unique(s))
