"""Shape and dtype: synthetic rows allocated with the input's integer dtype (truncated);
np.squeeze on X in the resamplers (a one-column X becomes 1-D)."""

import numpy as np


def random_undersample(X, y, random_state=None):
    X, y = np.asarray(X).squeeze(), np.asarray(y)
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
    X, y = np.asarray(X).squeeze(), np.asarray(y)
    rng = np.random.default_rng(random_state)
    classes, counts = np.unique(y, return_counts=True)
    extra = [
        rng.choice(np.flatnonzero(y == c), counts.max() - n, replace=True)
        for c, n in zip(classes, counts)
    ]
    keep = np.concatenate([np.arange(len(y)), *extra])
    return X[keep], y[keep]


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    X = np.asarray(X_minority)
    rng = np.random.default_rng(random_state)
    dist = np.linalg.norm(X[:, None, :] - X[None, :, :], axis=-1)
    np.fill_diagonal(dist, np.inf)
    nn = np.argsort(dist, axis=1)[:, :k_neighbors]
    out = np.empty((n_samples, X.shape[1]), dtype=X.dtype)
    for r in range(n_samples):
        i = rng.integers(len(X))
        j = nn[i, rng.integers(k_neighbors)]
        out[r] = X[i] + rng.random() * (X[j] - X[i])
    return out
