"""cross_val_score with cv=n_folds, an assert instead of ValueError, integer truncation."""

import numpy as np
from sklearn.model_selection import cross_val_score


def bias_variance(predictions, y_true):
    # int arrays truncate fractional predictions
    p, t = np.asarray(predictions, dtype=int), np.asarray(y_true, dtype=int)
    return float(np.mean((p.mean(axis=0) - t) ** 2)), float(np.mean(p.var(axis=0)))


def kfold_indices(n_samples, n_folds):
    # AssertionError, not ValueError, on a bad n_folds
    assert 2 <= n_folds <= n_samples, "bad n_folds"
    idx = np.arange(n_samples)
    return [(np.setdiff1d(idx, val), val) for val in np.array_split(idx, n_folds)]


def cross_val_mse(model, X, y, n_folds=5):
    # cv=n_folds means StratifiedKFold for a classifier, not KFold
    scores = cross_val_score(
        model,
        np.asarray(X),
        np.asarray(y),
        cv=n_folds,
        scoring="neg_mean_squared_error",
    )
    return float(-scores.mean())
