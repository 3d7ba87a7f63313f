"""A shallow copy per fold, the extra samples in the last folds, a guessed orientation."""

import copy

import numpy as np
from sklearn.model_selection import KFold


def bias_variance(predictions, y_true):
    # "points must be the rows": transposes a square input that is already right
    p, t = np.asarray(predictions, float), np.asarray(y_true, float)
    if p.shape[0] == t.shape[0]:
        p = p.T
    return float(np.mean((p.mean(axis=0) - t) ** 2)), float(np.mean(p.var(axis=0)))


def kfold_indices(n_samples, n_folds):
    # the n_samples % n_folds bigger folds come last instead of first
    if n_folds < 2 or n_folds > n_samples:
        raise ValueError("bad n_folds")
    q, r = divmod(n_samples, n_folds)
    idx = np.arange(n_samples)
    folds, start = [], 0
    for i in range(n_folds):
        size = q + (1 if i >= n_folds - r else 0)
        val = idx[start : start + size]
        folds.append((np.setdiff1d(idx, val), val))
        start += size
    return folds


def cross_val_mse(model, X, y, n_folds=5):
    # copy.copy is shallow: a Pipeline's steps are shared with (and fitted in) the caller's
    X, y = np.asarray(X), np.asarray(y)
    scores = []
    for train, val in KFold(n_folds).split(X):
        m = copy.copy(model)
        m.fit(X[train], y[train])
        scores.append(np.mean((y[val] - m.predict(X[val])) ** 2))
    return float(np.mean(scores))
