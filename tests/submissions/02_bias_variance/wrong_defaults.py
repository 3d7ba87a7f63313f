"""Wrong defaults and half-done validation."""

import numpy as np
from sklearn.base import clone


def bias_variance(predictions, y_true):
    # squares the offset of the overall means, not the offset at each point
    p, t = np.asarray(predictions, float), np.asarray(y_true, float)
    return float((p.mean() - t.mean()) ** 2), float(np.mean(p.var(axis=0)))


def kfold_indices(n_samples, n_folds):
    # checks n_folds < 2 only: more folds than samples gives empty folds
    if n_folds < 2:
        raise ValueError("need two folds")
    idx = np.arange(n_samples)
    return [(np.setdiff1d(idx, v), v) for v in np.array_split(idx, n_folds)]


def cross_val_mse(model, X, y, n_folds=10):
    # default of 10 folds instead of 5
    X, y = np.asarray(X, float), np.asarray(y, float)
    mses = []
    for train, val in kfold_indices(len(y), n_folds):
        m = clone(model).fit(X[train], y[train])
        mses.append(np.mean((y[val] - m.predict(X[val])) ** 2))
    return float(np.mean(mses))
