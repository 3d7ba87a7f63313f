"""Algebraically right, numerically wrong: right only on unit-scale, small inputs."""

import numpy as np
from sklearn.base import clone


def bias_variance(predictions, y_true):
    # variance as E[x²] - E[x]²: cancels when predictions are large with a small spread
    p, t = np.asarray(predictions, float), np.asarray(y_true, float)
    m = p.mean(axis=0)
    var = np.maximum((p * p).mean(axis=0) - m * m, 0.0)
    return float(np.mean((m - t) ** 2)), float(np.mean(var))


def kfold_indices(n_samples, n_folds):
    # int16 indices "to save memory": they wrap past 32,767
    if n_folds < 2 or n_folds > n_samples:
        raise ValueError("bad n_folds")
    idx = np.arange(n_samples, dtype=np.int16)
    return [(idx[~np.isin(idx, val)], val) for val in np.array_split(idx, n_folds)]


def cross_val_mse(model, X, y, n_folds=5):
    # fold MSE as mean(y²) - 2·mean(y·p) + mean(p²): cancels at large offsets
    X, y = np.asarray(X, float), np.asarray(y, float)
    n = len(y)
    out = []
    for val in np.array_split(np.arange(n), n_folds):
        tr = np.setdiff1d(np.arange(n), val)
        p = clone(model).fit(X[tr], y[tr]).predict(X[val])
        yv = y[val]
        out.append(abs(np.mean(yv * yv) - 2 * np.mean(yv * p) + np.mean(p * p)))
    return float(np.mean(out))
