"""Plausible wrong answers: fixed choices where the contract asks for random or
argument-dependent ones."""

import numpy as np


def random_undersample(X, y, random_state=None):
    # cuts each class to its first n_min rows: not a random sample
    X, y = np.asarray(X), np.asarray(y)
    classes, counts = np.unique(y, return_counts=True)
    keep = np.concatenate([np.flatnonzero(y == c)[: counts.min()] for c in classes])
    return X[keep], y[keep]


def random_oversample(X, y, random_state=None):
    # draws the extra rows and their labels separately: pairs get mixed up
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, counts = np.unique(y, return_counts=True)
    extra = np.concatenate(
        [
            rng.choice(np.flatnonzero(y == c), counts.max() - n)
            for c, n in zip(classes, counts)
        ]
    )
    return np.vstack([X, X[rng.permutation(extra)]]), np.concatenate([y, y[extra]])


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    # always 5 neighbours, whatever k_neighbors says
    X = np.asarray(X_minority, dtype=float)
    rng = np.random.default_rng(random_state)
    k = min(5, len(X) - 1)
    d = np.linalg.norm(X[:, None] - X[None], axis=2)
    np.fill_diagonal(d, np.inf)
    nn = np.argsort(d, axis=1)[:, :k]
    base = rng.integers(0, len(X), n_samples)
    other = nn[base, rng.integers(0, k, n_samples)]
    return X[base] + rng.random((n_samples, 1)) * (X[other] - X[base])


def balanced_class_weights(y):
    # normalised to sum to 1
    classes, counts = np.unique(y, return_counts=True)
    w = 1 / counts
    return {c: v for c, v in zip(classes, w / w.sum())}


def best_threshold(y_true, scores, beta=1.0):
    # predicts `scores > t` instead of `scores >= t`
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    best_t, best_f = None, -1.0
    for t in np.unique(s)[::-1]:
        pred = s > t
        tp = np.sum(pred & (y == 1))
        fp = np.sum(pred & (y == 0))
        fn = np.sum(~pred & (y == 1))
        b2 = beta**2
        f = (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp) if tp else 0.0
        if f > best_f:
            best_t, best_f = t, f
    return best_t
