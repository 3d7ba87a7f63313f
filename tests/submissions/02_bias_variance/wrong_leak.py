"""Leakage and mix-ups: validation folds seen in training, pairs swapped."""

import numpy as np
from sklearn.base import clone
from sklearn.model_selection import KFold


def bias_variance(predictions, y_true):
    # averages the standard deviation, not the variance
    p, t = np.asarray(predictions, float), np.asarray(y_true, float)
    return float(np.mean((p.mean(axis=0) - t) ** 2)), float(np.mean(p.std(axis=0)))


def kfold_indices(n_samples, n_folds):
    # (val_idx, train_idx): the pair is the wrong way round
    if n_folds < 2 or n_folds > n_samples:
        raise ValueError("bad n_folds")
    idx = np.arange(n_samples)
    return [(val, np.setdiff1d(idx, val)) for val in np.array_split(idx, n_folds)]


def cross_val_mse(model, X, y, n_folds=5):
    # fits one model on all rows, then "validates" it on each fold
    X, y = np.asarray(X, float), np.asarray(y, float)
    m = clone(model).fit(X, y)
    mses = [
        np.mean((y[val] - m.predict(X[val])) ** 2)
        for _, val in KFold(n_folds).split(np.arange(len(y)))
    ]
    return float(np.mean(mses))
