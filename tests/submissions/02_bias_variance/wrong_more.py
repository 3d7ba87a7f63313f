"""More plausible slips: swapped outputs, rounded-up folds, arrays only."""

import numpy as np
from sklearn.base import clone
from sklearn.model_selection import KFold


def bias_variance(predictions, y_true):
    # returns (variance, bias²): the order is swapped
    p, t = np.asarray(predictions, float), np.asarray(y_true, float)
    return float(np.mean(p.var(axis=0))), float(np.mean((p.mean(axis=0) - t) ** 2))


def kfold_indices(n_samples, n_folds):
    # fold size rounded up: the last folds are too small (or missing)
    if n_folds < 2 or n_folds > n_samples:
        raise ValueError("bad n_folds")
    size = int(np.ceil(n_samples / n_folds))
    idx = np.arange(n_samples)
    folds = []
    for start in range(0, n_samples, size):
        val = idx[start : start + size]
        folds.append((np.setdiff1d(idx, val), val))
    return folds


def cross_val_mse(model, X, y, n_folds=5):
    # indexes X and y directly: fails for Python lists
    mses = []
    for train, val in KFold(n_folds).split(np.arange(len(y))):
        m = clone(model).fit(X[train], y[train])
        mses.append(np.mean((y[val] - m.predict(X[val])) ** 2))
    return float(np.mean(mses))
