"""Exact and shifted correct answers: Fractions for bias² and variance, boolean
masks for the folds, residuals accumulated as Fractions."""

from fractions import Fraction

import numpy as np
from sklearn.base import clone


def bias_variance(predictions, y_true):
    p = np.asarray(predictions, dtype=float)
    t = np.asarray(y_true, dtype=float)
    n_models, n_points = p.shape
    bias_squared = variance = Fraction(0)
    for j in range(n_points):
        column = [Fraction(v) for v in p[:, j].tolist()]
        mean = sum(column) / n_models
        bias_squared += (mean - Fraction(t[j])) ** 2
        variance += sum((v - mean) ** 2 for v in column) / n_models
    return float(bias_squared / n_points), float(variance / n_points)


def kfold_indices(n_samples, n_folds):
    if n_folds < 2 or n_folds > n_samples:
        raise ValueError("n_folds must be in [2, n_samples]")
    fold_of = np.repeat(
        np.arange(n_folds),
        [n_samples // n_folds + (i < n_samples % n_folds) for i in range(n_folds)],
    )
    idx = np.arange(n_samples, dtype=np.int64)
    return [(idx[fold_of != f], idx[fold_of == f]) for f in range(n_folds)]


def cross_val_mse(model, X, y, n_folds=5):
    X, y = np.asarray(X), np.asarray(y)
    total = Fraction(0)
    for train, val in kfold_indices(len(y), n_folds):
        pred = clone(model).fit(X[train], y[train]).predict(X[val])
        residual = y[val].astype(float) - pred
        total += sum(Fraction(r) ** 2 for r in residual.tolist()) / len(val)
    return float(total / n_folds)
