"""Plausible wrong answers that only hold for two classes or ignore an argument."""

import numpy as np


def random_undersample(X, y, random_state=None):
    # two classes only: the majority is cut to the minority, other classes kept as is
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, counts = np.unique(y, return_counts=True)
    big = classes[np.argmax(counts)]
    keep = np.concatenate(
        [
            np.flatnonzero(y != big),
            rng.choice(np.flatnonzero(y == big), counts.min(), replace=False),
        ]
    )
    return X[keep], y[keep]


def random_oversample(X, y, random_state=None):
    # ignores random_state: uses the global NumPy generator, not reproducible
    X, y = np.asarray(X), np.asarray(y)
    classes, counts = np.unique(y, return_counts=True)
    parts = [np.arange(len(y))]
    for c, n in zip(classes, counts):
        parts.append(np.random.choice(np.flatnonzero(y == c), counts.max() - n))  # noqa: NPY002
    keep = np.concatenate(parts)
    return X[keep], y[keep]


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    # the neighbour is any other row, not one of the k nearest
    X = np.asarray(X_minority, dtype=float)
    rng = np.random.default_rng(random_state)
    out = []
    for _ in range(n_samples):
        i = rng.integers(len(X))
        j = rng.choice([r for r in range(len(X)) if r != i])
        out.append(X[i] + rng.random() * (X[j] - X[i]))
    return np.array(out)


def balanced_class_weights(y):
    # n / (2 * count): right for two classes only
    classes, counts = np.unique(y, return_counts=True)
    return {c: len(y) / (2 * n) for c, n in zip(classes, counts)}


def best_threshold(y_true, scores, beta=1.0):
    # always maximises F1, whatever beta is
    from sklearn.metrics import f1_score

    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    ts = np.unique(s)[::-1]
    f = [f1_score(y, s >= t, zero_division=0) for t in ts]
    return ts[int(np.argmax(f))]
