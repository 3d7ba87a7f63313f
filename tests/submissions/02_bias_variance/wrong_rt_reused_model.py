"""One model refitted in every fold, training indices out of order, variance of the mean."""

import numpy as np
from sklearn.base import clone
from sklearn.model_selection import KFold


def bias_variance(predictions, y_true):
    # "variance" of the average model's curve, not the spread across models
    p, t = np.asarray(predictions, float), np.asarray(y_true, float)
    mean = p.mean(axis=0)
    return float(np.mean((mean - t) ** 2)), float(np.var(mean))


def kfold_indices(n_samples, n_folds):
    # train_idx is the part after the fold, then the part before it: not KFold's order
    if n_folds < 2 or n_folds > n_samples:
        raise ValueError("bad n_folds")
    idx = np.arange(n_samples)
    folds = []
    for val in np.array_split(idx, n_folds):
        folds.append((np.concatenate([idx[val[-1] + 1 :], idx[: val[0]]]), val))
    return folds


def cross_val_mse(model, X, y, n_folds=5):
    # one clone, refitted fold after fold: a warm-started model keeps earlier folds
    X, y = np.asarray(X), np.asarray(y)
    m = clone(model)
    scores = []
    for train, val in KFold(n_folds).split(X):
        m.fit(X[train], y[train])
        scores.append(np.mean((y[val] - m.predict(X[val])) ** 2))
    return float(np.mean(scores))
