"""Numerically careful answers with library calls: np.unique and a Generator for the
resamplers, a KD-tree for the SMOTE neighbours, compute_class_weight, and
precision_recall_curve for every threshold at once."""

import numpy as np
from sklearn.metrics import precision_recall_curve
from sklearn.neighbors import KDTree
from sklearn.utils.class_weight import compute_class_weight


def random_undersample(X, y, random_state=None):
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, inverse, counts = np.unique(y, return_inverse=True, return_counts=True)
    keep = np.sort(
        np.concatenate(
            [
                rng.permutation(np.flatnonzero(inverse == c))[: counts.min()]
                for c in range(len(classes))
            ]
        )
    )
    return X[keep], y[keep]


def random_oversample(X, y, random_state=None):
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, inverse, counts = np.unique(y, return_inverse=True, return_counts=True)
    extra = [
        np.flatnonzero(inverse == c)[
            rng.integers(0, counts[c], counts.max() - counts[c])
        ]
        for c in range(len(classes))
    ]
    keep = rng.permutation(np.concatenate([np.arange(len(y)), *extra]))
    return X[keep], y[keep]


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    X = np.asarray(X_minority, dtype=float)
    rng = np.random.default_rng(random_state)
    _, ind = KDTree(X).query(X, k=k_neighbors + 1)
    nn = np.array(
        [[j for j in row if j != i][:k_neighbors] for i, row in enumerate(ind)]
    )
    base = rng.integers(len(X), size=n_samples)
    other = nn[base, rng.integers(k_neighbors, size=n_samples)]
    u = rng.random(n_samples)
    out = np.empty((n_samples, X.shape[1]))
    for r in range(n_samples):
        out[r] = X[base[r]] + u[r] * (X[other[r]] - X[base[r]])
    return out


def balanced_class_weights(y):
    y = np.asarray(y)
    classes = np.unique(y)
    weights = compute_class_weight("balanced", classes=classes, y=y)
    return {c: float(w) for c, w in zip(classes.tolist(), weights)}


def best_threshold(y_true, scores, beta=1.0):
    y = np.asarray(y_true).astype(int)
    s = np.asarray(scores, dtype=float)
    if y.sum() == 0:  # F-beta is 0 everywhere: all tie, the largest score wins
        return float(s.max())
    precision, recall, thresholds = precision_recall_curve(
        y, s, drop_intermediate=False
    )
    p, r = precision[:-1], recall[:-1]
    b2 = beta**2
    f = np.divide((1 + b2) * p * r, b2 * p + r, out=np.zeros_like(p), where=(p + r) > 0)
    return float(thresholds[np.flatnonzero(f == f.max())].max())
