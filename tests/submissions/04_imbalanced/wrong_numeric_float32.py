"""float32 inputs: rows of X rounded to float32, SMOTE in float32, scores cast to float32."""

import numpy as np


def random_undersample(X, y, random_state=None):
    X, y = np.asarray(X, dtype=np.float32), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, counts = np.unique(y, return_counts=True)
    keep = np.concatenate(
        [
            rng.choice(np.flatnonzero(y == c), counts.min(), replace=False)
            for c in classes
        ]
    )
    return X[keep], y[keep]


def random_oversample(X, y, random_state=None):
    X, y = np.asarray(X, dtype=np.float32), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, counts = np.unique(y, return_counts=True)
    extra = [
        rng.choice(np.flatnonzero(y == c), counts.max() - n, replace=True)
        for c, n in zip(classes, counts)
    ]
    keep = np.concatenate([np.arange(len(y)), *extra])
    return X[keep], y[keep]


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    X = np.asarray(X_minority, dtype=np.float32)
    rng = np.random.default_rng(random_state)
    dist = np.linalg.norm(X[:, None, :] - X[None, :, :], axis=-1)
    np.fill_diagonal(dist, np.inf)
    nn = np.argsort(dist, axis=1)[:, :k_neighbors]
    base = rng.integers(len(X), size=n_samples)
    other = nn[base, rng.integers(k_neighbors, size=n_samples)]
    u = rng.random((n_samples, 1)).astype(np.float32)
    return X[base] + u * (X[other] - X[base])


def balanced_class_weights(y):
    classes, counts = np.unique(np.asarray(y), return_counts=True)
    counts = counts.astype(np.float32)
    w = np.float32(counts.sum()) / (np.float32(len(classes)) * counts)
    return {c: float(v) for c, v in zip(classes.tolist(), w)}


def best_threshold(y_true, scores, beta=1.0):
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores).astype(np.float32).ravel()  # "merge near-ties"
    b2 = beta**2
    best_t, best_f = None, -1.0
    for t in np.unique(s)[::-1]:
        flagged = s >= t
        tp = np.sum(flagged & (y == 1))
        fp = np.sum(flagged & (y == 0))
        fn = np.sum(~flagged & (y == 1))
        f = (1 + b2) * tp / ((1 + b2) * tp + b2 * fn + fp) if tp else 0.0
        if f > best_f:
            best_t, best_f = t, f
    return float(best_t)
