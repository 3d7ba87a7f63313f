"""Correct answers that lean on scikit-learn and on a deep copy of the model."""

import copy

import numpy as np
from sklearn.model_selection import KFold


def bias_variance(predictions, y_true):
    p = np.asarray(predictions, dtype=float)
    t = np.asarray(y_true, dtype=float)
    expected_mse = np.mean((p - t) ** 2)
    variance = np.mean(np.var(p, axis=0))
    return expected_mse - variance, variance  # MSE = bias² + variance


def kfold_indices(n_samples, n_folds):
    if n_folds < 2 or n_folds > n_samples:
        raise ValueError(f"n_folds={n_folds}")
    return list(KFold(n_folds).split(np.zeros(n_samples)))


def cross_val_mse(model, X, y, n_folds=5):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    scores = []
    for train, val in KFold(n_folds).split(X):
        m = copy.deepcopy(model).fit(X[train], y[train])
        scores.append(((m.predict(X[val]) - y[val]) ** 2).mean())
    return sum(scores) / len(scores)
