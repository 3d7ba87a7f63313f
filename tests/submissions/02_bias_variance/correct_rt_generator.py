"""Correct: a generator of folds turned into a list, a deepcopy of the unfitted model per fold."""

import copy

import numpy as np


def kfold_indices(n_samples, n_folds):
    if not (2 <= n_folds <= n_samples):
        raise ValueError("n_folds must be in [2, n_samples]")

    def folds(n, k):
        sizes = [n // k + (1 if i < n % k else 0) for i in range(k)]
        start = 0
        for s in sizes:
            val = np.arange(start, start + s)
            train = np.concatenate([np.arange(0, start), np.arange(start + s, n)])
            yield train.astype(int), val
            start += s

    return list(folds(n_samples, n_folds))


def cross_val_mse(model, X, y, n_folds=5):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    total = 0.0
    folds = kfold_indices(X.shape[0], n_folds)
    for tr, va in folds:
        m = copy.deepcopy(model)
        m.fit(X[tr], y[tr])
        err = y[va] - m.predict(X[va])
        total += float(err @ err) / len(va)
    return total / len(folds)


def bias_variance(predictions, y_true):
    preds = np.asarray(predictions, dtype=float)
    y = np.asarray(y_true, dtype=float)
    n_models = preds.shape[0]
    mean = preds.sum(axis=0) / n_models
    b2 = np.dot(mean - y, mean - y) / y.size
    var = ((preds - mean[None, :]) ** 2).sum() / (n_models * y.size)
    return np.float64(b2), np.float64(var)
