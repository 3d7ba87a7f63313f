"""Wrong axes, dropped samples, RMSE instead of MSE."""

import numpy as np
from sklearn.base import clone
from sklearn.model_selection import KFold


def bias_variance(predictions, y_true):
    # the variance of all predictions at once counts the curve's own shape
    p, t = np.asarray(predictions, float), np.asarray(y_true, float)
    return float(np.mean((p.mean(axis=0) - t) ** 2)), float(np.var(p))


def kfold_indices(n_samples, n_folds):
    # n_samples // n_folds per fold: the last n_samples % n_folds rows never validate
    if n_folds < 2 or n_folds > n_samples:
        raise ValueError("bad n_folds")
    size = n_samples // n_folds
    idx = np.arange(n_samples)
    return [
        (
            np.setdiff1d(idx, idx[i * size : (i + 1) * size]),
            idx[i * size : (i + 1) * size],
        )
        for i in range(n_folds)
    ]


def cross_val_mse(model, X, y, n_folds=5):
    # the mean RMSE over folds
    X, y = np.asarray(X, float), np.asarray(y, float)
    out = []
    for train, val in KFold(n_folds).split(np.arange(len(y))):
        m = clone(model).fit(X[train], y[train])
        out.append(np.sqrt(np.mean((y[val] - m.predict(X[val])) ** 2)))
    return float(np.mean(out))
