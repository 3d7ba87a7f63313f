"""Wrong SMOTE (subtle): one u for the whole call (a scalar broadcast over all rows);
oversampling that draws the extra rows without replacement when it can; best_threshold
by cumulative counts that does not group tied scores."""

import numpy as np


def random_oversample(X, y, random_state=None):
    rng = np.random.default_rng(random_state)
    X, y = np.asarray(X), np.asarray(y)
    classes, counts = np.unique(y, return_counts=True)
    n_max = counts.max()
    idx = [np.arange(len(y))]
    for c, k in zip(classes, counts):
        rows = np.flatnonzero(y == c)
        m = n_max - k
        idx.append(rng.choice(rows, m, replace=bool(m > k)))
    idx = rng.permutation(np.concatenate(idx))
    return X[idx], y[idx]


def smote(X_minority, n_samples, k_neighbors=5, random_state=None):
    rng = np.random.default_rng(random_state)
    X = np.asarray(X_minority, dtype=float)
    d = ((X[:, None] - X[None]) ** 2).sum(-1)
    np.fill_diagonal(d, np.inf)
    nbrs = np.argsort(d, axis=1)[:, :k_neighbors]
    base = rng.integers(0, len(X), n_samples)
    nb = nbrs[base, rng.integers(0, k_neighbors, n_samples)]
    u = rng.random()
    return X[base] + u * (X[nb] - X[base])


def best_threshold(y_true, scores, beta=1.0):
    y = np.asarray(y_true, dtype=float)
    s = np.asarray(scores, dtype=float)
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    tp = np.cumsum(y)
    fp = np.cumsum(1 - y)
    fn = y.sum() - tp
    b2 = beta**2
    den = (1 + b2) * tp + b2 * fn + fp
    f = np.where(den > 0, (1 + b2) * tp / np.where(den > 0, den, 1), 0)
    best = np.flatnonzero(f >= f.max() - 1e-12)
    return float(s[best].max())
