"""Off-by-one and sign slips."""

import numpy as np
from sklearn.base import clone
from sklearn.model_selection import KFold


def bias_variance(predictions, y_true):
    # bias not squared: signed offsets cancel
    p, t = np.asarray(predictions, float), np.asarray(y_true, float)
    return float(np.mean(p.mean(axis=0) - t)), float(np.mean(p.var(axis=0)))


def kfold_indices(n_samples, n_folds):
    # rejects leave-one-out: `>=` where `>` was meant
    if n_folds < 2 or n_folds >= n_samples:
        raise ValueError("bad n_folds")
    sizes = [
        n_samples // n_folds + (1 if i < n_samples % n_folds else 0)
        for i in range(n_folds)
    ]
    bounds = np.cumsum([0] + sizes)
    idx = np.arange(n_samples)
    return [
        (np.r_[idx[:a], idx[b:]], idx[a:b]) for a, b in zip(bounds[:-1], bounds[1:])
    ]


def cross_val_mse(model, X, y, n_folds=5):
    # scores each fold's model on its own training rows
    X, y = np.asarray(X, float), np.asarray(y, float)
    mses = []
    for train, val in KFold(n_folds).split(np.arange(len(y))):
        m = clone(model).fit(X[train], y[train])
        mses.append(np.mean((y[train] - m.predict(X[train])) ** 2))
    return float(np.mean(mses))
