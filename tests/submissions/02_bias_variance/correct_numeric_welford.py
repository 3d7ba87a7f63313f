"""Numerically careful correct answers, streaming: Welford's update over the models,
np.delete for the training indices, scikit-learn's cross_val_score on KFold folds."""

import numpy as np
from sklearn.model_selection import KFold, cross_val_score


def bias_variance(predictions, y_true):
    predictions = np.asarray(predictions, dtype=float)
    mean = np.zeros(predictions.shape[1])
    m2 = np.zeros(predictions.shape[1])
    for k, row in enumerate(predictions, start=1):  # Welford: one model at a time
        delta = row - mean
        mean += delta / k
        m2 += delta * (row - mean)
    bias_squared = np.mean((mean - np.asarray(y_true, dtype=float)) ** 2)
    return bias_squared, np.mean(m2) / len(predictions)


def kfold_indices(n_samples, n_folds):
    if not 2 <= n_folds <= n_samples:
        raise ValueError(f"n_folds={n_folds} out of range for {n_samples} samples")
    every = np.arange(n_samples)
    sizes = np.full(n_folds, n_samples // n_folds)
    sizes[: n_samples % n_folds] += 1
    stops = np.cumsum(sizes)
    return [
        (np.delete(every, np.s_[stop - size : stop]), every[stop - size : stop])
        for size, stop in zip(sizes, stops)
    ]


def cross_val_mse(model, X, y, n_folds=5):
    scores = cross_val_score(
        model,
        np.asarray(X),
        np.asarray(y),
        cv=KFold(n_folds),
        scoring="neg_mean_squared_error",
    )
    return -scores.mean()
