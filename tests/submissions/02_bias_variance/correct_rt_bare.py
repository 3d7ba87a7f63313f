"""Correct: KFold's own ValueErrors, sklearn's mean_squared_error, dev * dev variance."""

import numpy as np
from sklearn.base import clone
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import KFold


def kfold_indices(n_samples, n_folds):
    # KFold raises ValueError itself: n_splits < 2 at construction, > n_samples in split
    return list(KFold(n_splits=n_folds).split(np.arange(n_samples)))


def cross_val_mse(model, X, y, n_folds=5):
    X = np.array(X)
    y = np.array(y)
    fold_errors = []
    for train_idx, val_idx in kfold_indices(len(y), n_folds):
        fresh = clone(model)
        fresh.fit(X[train_idx], y[train_idx])
        fold_errors.append(mean_squared_error(y[val_idx], fresh.predict(X[val_idx])))
    return np.mean(fold_errors)


def bias_variance(predictions, y_true):
    p = np.asarray(predictions, dtype=float)
    y = np.asarray(y_true, dtype=float)
    dev = p - p.mean(0)
    return np.mean((p.mean(0) - y) ** 2), np.mean(dev * dev)
