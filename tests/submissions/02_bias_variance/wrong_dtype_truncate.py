"""Arrays allocated with the input's dtype: integer inputs truncate means and
predictions."""

import numpy as np
from sklearn.base import clone


def bias_variance(predictions, y_true):
    p, t = np.asarray(predictions), np.asarray(y_true)
    m = np.empty_like(p[0])
    m[:] = p.mean(axis=0)  # an int array when the predictions are ints
    return float(np.mean((m - t) ** 2)), float(np.mean(np.mean((p - m) ** 2, axis=0)))


def cross_val_mse(model, X, y, n_folds=5):
    X, y = np.asarray(X), np.asarray(y)
    n = len(y)
    oof = np.zeros_like(y)  # out-of-fold predictions, int when y is int
    folds = np.array_split(np.arange(n), n_folds)
    for val in folds:
        tr = np.setdiff1d(np.arange(n), val)
        oof[val] = clone(model).fit(X[tr], y[tr]).predict(X[val])
    return float(np.mean([np.mean((y[v] - oof[v]) ** 2) for v in folds]))
