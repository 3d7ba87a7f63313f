"""Correct: np.array_split folds, sklearn mean_squared_error, an array of two as the result."""

import numpy as np
from sklearn.base import clone
from sklearn.metrics import mean_squared_error


def kfold_indices(n_samples, n_folds):
    if n_folds < 2 or n_folds > n_samples:
        raise ValueError("n_folds out of range")
    idx = np.arange(n_samples)
    out = []
    for val in np.array_split(idx, n_folds):
        train = np.setdiff1d(idx, val)
        out.append((train, val))
    return out


def cross_val_mse(model, X, y, n_folds=5):
    X = np.asarray(X)
    y = np.asarray(y)
    scores = [
        mean_squared_error(y[v], clone(model).fit(X[t], y[t]).predict(X[v]))
        for t, v in kfold_indices(len(y), n_folds)
    ]
    return np.mean(scores)


def bias_variance(predictions, y_true):
    p = np.asarray(predictions, dtype=float)
    y = np.asarray(y_true, dtype=float)
    return np.array([np.mean((p.mean(axis=0) - y) ** 2), np.var(p, axis=0).mean()])
