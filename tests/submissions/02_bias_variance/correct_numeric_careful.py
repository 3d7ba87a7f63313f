"""Numerically careful correct answers in pure Python: math.fsum for every sum,
ranges for the folds, a fresh clone per fold."""

import math

from sklearn.base import clone


def bias_variance(predictions, y_true):
    rows = [[float(v) for v in row] for row in predictions]
    targets = [float(v) for v in y_true]
    n_models = len(rows)
    bias_terms, variance_terms = [], []
    for j, target in enumerate(targets):
        column = [row[j] for row in rows]
        mean = math.fsum(column) / n_models
        bias_terms.append((mean - target) ** 2)
        variance_terms.append(math.fsum((v - mean) ** 2 for v in column) / n_models)
    n_points = len(targets)
    return math.fsum(bias_terms) / n_points, math.fsum(variance_terms) / n_points


def kfold_indices(n_samples, n_folds):
    if n_folds < 2 or n_folds > n_samples:
        raise ValueError(f"n_folds={n_folds} must be from 2 to {n_samples}")
    base, extra = divmod(n_samples, n_folds)
    folds, start = [], 0
    for i in range(n_folds):
        stop = start + base + (i < extra)
        folds.append(
            (
                list(range(start)) + list(range(stop, n_samples)),
                list(range(start, stop)),
            )
        )
        start = stop
    return folds


def cross_val_mse(model, X, y, n_folds=5):
    X = [list(row) for row in X]
    y = [float(v) for v in y]
    fold_mse = []
    for train, val in kfold_indices(len(y), n_folds):
        m = clone(model).fit([X[i] for i in train], [y[i] for i in train])
        pred = m.predict([X[i] for i in val])
        fold_mse.append(
            math.fsum((y[i] - float(p)) ** 2 for i, p in zip(val, pred)) / len(val)
        )
    return math.fsum(fold_mse) / n_folds
