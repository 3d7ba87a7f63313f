"""Answers right on typical inputs, wrong on an edge case or a side effect."""

import numpy as np


def bias_variance(predictions, y_true):
    # sample variance (ddof=1): nan for a single model, too large for few models
    p, t = np.asarray(predictions, float), np.asarray(y_true, float)
    return float(np.mean((p.mean(axis=0) - t) ** 2)), float(
        np.mean(p.var(axis=0, ddof=1))
    )


def kfold_indices(n_samples, n_folds):
    # never raises: n_folds=1 gives one fold with an empty training set
    sizes = np.full(n_folds, n_samples // n_folds)
    sizes[: n_samples % n_folds] += 1
    idx = np.arange(n_samples)
    folds, start = [], 0
    for size in sizes:
        val = idx[start : start + size]
        folds.append((np.setdiff1d(idx, val), val))
        start += size
    return folds


def cross_val_mse(model, X, y, n_folds=5):
    # refits the caller's model in every fold instead of a fresh clone
    X, y = np.asarray(X, float), np.asarray(y, float)
    mses = []
    for train, val in kfold_indices(len(y), n_folds):
        model.fit(X[train], y[train])
        mses.append(np.mean((y[val] - model.predict(X[val])) ** 2))
    return float(np.mean(mses))
