"""A model rebuilt from get_params, n_folds=1 accepted, the median model."""

import numpy as np
from sklearn.model_selection import KFold


def bias_variance(predictions, y_true):
    # the median prediction stands in for the mean one
    p, t = np.asarray(predictions, float), np.asarray(y_true, float)
    med = np.median(p, axis=0)
    return float(np.mean((med - t) ** 2)), float(np.mean((p - med) ** 2))


def kfold_indices(n_samples, n_folds):
    # guards against 0 folds only: n_folds=1 gives an empty training set
    if n_folds < 1 or n_folds > n_samples:
        raise ValueError("bad n_folds")
    idx = np.arange(n_samples)
    return [(np.setdiff1d(idx, val), val) for val in np.array_split(idx, n_folds)]


def cross_val_mse(model, X, y, n_folds=5):
    # type(model)(**model.get_params()) is no clone: a Pipeline's nested params break it
    X, y = np.asarray(X), np.asarray(y)
    scores = []
    for train, val in KFold(n_folds).split(X):
        m = type(model)(**model.get_params())
        m.fit(X[train], y[train])
        scores.append(np.mean((y[val] - m.predict(X[val])) ** 2))
    return float(np.mean(scores))
