"""Plausible wrong answers: the mistake each function makes is a common one."""

import numpy as np
from sklearn.base import clone
from sklearn.model_selection import KFold


def bias_variance(predictions, y_true):
    # "bias²" is the mean squared error of all models, so it double-counts variance
    p, t = np.asarray(predictions, float), np.asarray(y_true, float)
    return float(np.mean((p - t) ** 2)), float(np.mean(p.var(axis=0)))


def kfold_indices(n_samples, n_folds):
    # the remainder goes to the last fold instead of the first ones
    if n_folds < 2 or n_folds > n_samples:
        raise ValueError("bad n_folds")
    size = n_samples // n_folds
    idx = np.arange(n_samples)
    folds = []
    for i in range(n_folds):
        stop = n_samples if i == n_folds - 1 else (i + 1) * size
        val = idx[i * size : stop]
        folds.append((np.setdiff1d(idx, val), val))
    return folds


def cross_val_mse(model, X, y, n_folds=5):
    # returns the sum of the fold MSEs, not their mean
    X, y = np.asarray(X, float), np.asarray(y, float)
    total = 0.0
    for train, val in KFold(n_folds).split(np.arange(len(y))):
        m = clone(model).fit(X[train], y[train])
        total += np.mean((y[val] - m.predict(X[val])) ** 2)
    return total
