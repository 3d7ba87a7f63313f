"""Correct: bias² as MSE minus variance; cross_val_score over the folds of kfold_indices."""

import copy

import numpy as np
from sklearn.model_selection import KFold, cross_val_score


def kfold_indices(n_samples, n_folds):
    if n_folds < 2 or n_folds > n_samples:
        raise ValueError("bad")
    folds = []
    for train, val in KFold(n_splits=n_folds).split(np.zeros((n_samples, 1))):
        folds.append((train.tolist(), val.tolist()))
    return folds


def cross_val_mse(model, X, y, n_folds=5):
    X = np.asarray(X)
    y = np.asarray(y)
    est = copy.deepcopy(model)
    return float(
        -np.mean(
            cross_val_score(
                est,
                X,
                y,
                cv=kfold_indices(len(y), n_folds),
                scoring="neg_mean_squared_error",
            )
        )
    )


def bias_variance(predictions, y_true):
    p = np.asarray(predictions, dtype=float)
    y = np.asarray(y_true, dtype=float)
    mse = np.mean((p - y) ** 2)
    var = np.mean(p.var(axis=0))
    return mse - var, var
