"""Subtle mistakes that survive a quick look."""

import numpy as np
from sklearn.base import clone
from sklearn.model_selection import KFold


def bias_variance(predictions, y_true):
    # variance along each model's curve (axis=1) instead of across models
    p, t = np.asarray(predictions, float), np.asarray(y_true, float)
    return float(np.mean((p.mean(axis=0) - t) ** 2)), float(np.mean(p.var(axis=1)))


def kfold_indices(n_samples, n_folds):
    # shuffled folds: a random permutation before splitting
    if n_folds < 2 or n_folds > n_samples:
        raise ValueError("bad n_folds")
    perm = np.random.default_rng(0).permutation(n_samples)
    folds = []
    for val in np.array_split(perm, n_folds):
        val = np.sort(val)
        folds.append((np.setdiff1d(np.arange(n_samples), val), val))
    return folds


def cross_val_mse(model, X, y, n_folds=5):
    # MSE of all out-of-fold predictions pooled (differs from the mean of fold MSEs
    # when the folds differ in size)
    X, y = np.asarray(X, float), np.asarray(y, float)
    squared = []
    for train, val in KFold(n_folds).split(np.arange(len(y))):
        m = clone(model).fit(X[train], y[train])
        squared.extend((y[val] - m.predict(X[val])) ** 2)
    return float(np.mean(squared))
