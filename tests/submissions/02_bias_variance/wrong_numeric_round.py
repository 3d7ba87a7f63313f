"""Rounding to 8 decimals "to hide noise": wrong whenever values are tiny."""

import numpy as np
from sklearn.base import clone


def bias_variance(predictions, y_true):
    p, t = np.round(np.asarray(predictions, float), 8), np.asarray(y_true, float)
    return float(np.mean((p.mean(axis=0) - t) ** 2)), float(np.mean(p.var(axis=0)))


def cross_val_mse(model, X, y, n_folds=5):
    X, y = np.asarray(X, float), np.asarray(y, float)
    n = len(y)
    out = []
    for val in np.array_split(np.arange(n), n_folds):
        tr = np.setdiff1d(np.arange(n), val)
        p = clone(model).fit(X[tr], y[tr]).predict(X[val])
        out.append(np.mean((y[val] - p) ** 2))
    return round(float(np.mean(out)), 8)
