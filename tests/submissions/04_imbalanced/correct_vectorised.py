"""Correct answers, vectorised: np.unique, one permutation, sklearn NearestNeighbors
for SMOTE, a bincount for the weights and a sort with cumulative sums for the
threshold."""

import numpy as np
from sklearn.neighbors import NearestNeighbors


def random_undersample(X, y, random_state=None):
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, counts = np.unique(y, return_counts=True)
    order = rng.permutation(len(y))
    keep = np.concatenate([order[y[order] == c][: counts.min()] for c in classes])
    return X[keep], y[keep]


def random_oversample(X, y, random_state=None):
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, counts = np.unique(y, return_counts=True)
    parts = [np.arange(len(y))]
    for c, n in zip(classes, counts):
        parts.append(rng.choice(np.flatnonzero(y == c), counts.max() - n))
    keep = np.concatenate(parts)
    return X[keep], y[keep]


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    X = np.asarray(X_minority, dtype=float)
    rng = np.random.default_rng(random_state)
    nn = NearestNeighbors(n_neighbors=k_neighbors + 1).fit(X)
    idx = nn.kneighbors(X, return_distance=False)[:, 1:]
    base = rng.integers(0, len(X), n_samples)
    other = idx[base, rng.integers(0, k_neighbors, n_samples)]
    u = rng.random(n_samples)[:, None]
    return X[base] + u * (X[other] - X[base])


def balanced_class_weights(y):
    classes, inverse = np.unique(np.asarray(y), return_inverse=True)
    counts = np.bincount(inverse)
    weights = len(inverse) / (len(classes) * counts)
    return dict(zip(classes, weights))


def best_threshold(y_true, scores, beta=1.0):
    y = np.asarray(y_true, dtype=float)
    s = np.asarray(scores, dtype=float)
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    last = np.r_[np.flatnonzero(np.diff(s) != 0), len(s) - 1]
    tp = np.cumsum(y)[last]
    fp = last + 1 - tp
    fn = y.sum() - tp
    b2 = beta**2
    f = np.divide(
        (1 + b2) * tp, (1 + b2) * tp + b2 * fn + fp, out=np.zeros_like(tp), where=tp > 0
    )
    return s[last][np.argmax(f)]
