"""Iterates over set(y): the class order (and so the rows drawn) depends on the process's string hash seed."""

import numpy as np


def random_undersample(X, y, random_state=None):
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    labels = set(y.tolist())
    n_min = min(int(np.sum(y == c)) for c in labels)
    keep = np.concatenate(
        [rng.choice(np.flatnonzero(y == c), n_min, replace=False) for c in labels]
    )
    return X[keep], y[keep]


def random_oversample(X, y, random_state=None):
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    labels = set(y.tolist())
    n_max = max(int(np.sum(y == c)) for c in labels)
    extra = [
        rng.choice(np.flatnonzero(y == c), n_max - int(np.sum(y == c)), replace=True)
        for c in labels
    ]
    keep = np.concatenate([np.arange(len(y)), *extra])
    return X[keep], y[keep]
