"""Correct answers written the NumPy way: array_split, boolean masks, a tuple of
folds, a fresh clone per fold, NumPy scalars returned as they come.

(Not ``type(model)(**model.get_params())``: that is no clone, and it raises on a
Pipeline, whose nested parameters are not constructor arguments.)"""

import numpy as np
from sklearn.base import clone
from sklearn.metrics import mean_squared_error


def bias_variance(predictions, y_true):
    p = np.array(predictions, dtype=np.float64)
    centred = p - p.mean(axis=0, keepdims=True)
    bias_squared = np.square(p.mean(axis=0) - np.asarray(y_true)).mean()
    variance = np.square(centred).sum(axis=0).mean() / p.shape[0]
    return np.array([bias_squared, variance])


def kfold_indices(n_samples, n_folds):
    if n_folds < 2:
        raise ValueError("need at least two folds")
    if n_folds > n_samples:
        raise ValueError("more folds than samples")
    everything = np.arange(n_samples)
    out = []
    for val in np.array_split(everything, n_folds):
        mask = np.ones(n_samples, dtype=bool)
        mask[val] = False
        out.append((everything[mask], val))
    return tuple(out)


def cross_val_mse(model, X, y, n_folds=5):
    X, y = np.asarray(X), np.asarray(y)
    errors = np.empty(n_folds)
    for i, (train, val) in enumerate(kfold_indices(len(X), n_folds)):
        fresh = clone(model)
        fresh.fit(X[train], y[train])
        errors[i] = mean_squared_error(y[val], fresh.predict(X[val]))
    return errors.mean()
