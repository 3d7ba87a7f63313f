"""Plausible wrong answers: rows and labels come apart, or the formula is off."""

import numpy as np


def random_undersample(X, y, random_state=None):
    # shuffles X and y separately: the counts are right, the pairs are not
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, counts = np.unique(y, return_counts=True)
    keep = np.concatenate(
        [
            rng.choice(np.flatnonzero(y == c), counts.min(), replace=False)
            for c in classes
        ]
    )
    return X[rng.permutation(keep)], y[rng.permutation(keep)]


def random_oversample(X, y, random_state=None):
    # only two classes: the smallest class against "all the others"
    X, y = np.asarray(X), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, counts = np.unique(y, return_counts=True)
    minority = classes[np.argmin(counts)]
    rows = np.flatnonzero(y == minority)
    extra = rng.choice(rows, len(y) - 2 * len(rows), replace=True)
    keep = np.concatenate([np.arange(len(y)), extra])
    return X[keep], y[keep]


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    # one u per feature: points fill a box, not a segment
    X = np.asarray(X_minority, dtype=float)
    rng = np.random.default_rng(random_state)
    d = np.linalg.norm(X[:, None] - X[None], axis=2)
    np.fill_diagonal(d, np.inf)
    nn = np.argsort(d, axis=1)[:, :k_neighbors]
    base = rng.integers(0, len(X), n_samples)
    other = nn[base, rng.integers(0, k_neighbors, n_samples)]
    u = rng.random((n_samples, X.shape[1]))
    return X[base] + u * (X[other] - X[base])


def balanced_class_weights(y):
    # not normalised: 1 / count
    classes, counts = np.unique(y, return_counts=True)
    return {c: 1 / n for c, n in zip(classes, counts)}


def best_threshold(y_true, scores, beta=1.0):
    # returns the position of the best threshold in `scores`, not its value
    from sklearn.metrics import fbeta_score

    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    ts = np.unique(s)[::-1]
    f = [fbeta_score(y, s >= t, beta=beta, zero_division=0) for t in ts]
    return int(np.flatnonzero(s == ts[int(np.argmax(f))])[0])
