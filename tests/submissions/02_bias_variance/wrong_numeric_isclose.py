"""Tolerance shortcuts (allclose) deciding exact conditions: no variance, no bias,
a perfect fold."""

import numpy as np
from sklearn.base import clone


def bias_variance(predictions, y_true):
    p, t = np.asarray(predictions, float), np.asarray(y_true, float)
    m = p.mean(axis=0)
    variance = 0.0 if np.allclose(p, p[0]) else float(np.mean(p.var(axis=0)))
    bias = 0.0 if np.allclose(m, t) else float(np.mean((m - t) ** 2))
    return bias, variance


def cross_val_mse(model, X, y, n_folds=5):
    X, y = np.asarray(X, float), np.asarray(y, float)
    n = len(y)
    out = []
    for val in np.array_split(np.arange(n), n_folds):
        tr = np.setdiff1d(np.arange(n), val)
        p = clone(model).fit(X[tr], y[tr]).predict(X[val])
        out.append(0.0 if np.allclose(p, y[val]) else np.mean((y[val] - p) ** 2))
    return float(np.mean(out))
