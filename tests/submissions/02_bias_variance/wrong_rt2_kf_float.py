"""Red team, round 2: kf_float (one wrong function; see the comment)."""

import numpy as np
from sklearn.base import clone


# WRONG: the index arrays are float64 (preallocated with np.zeros), e.g.
# kfold_indices(6, 3)[0] == (array([2., 3., 4., 5.]), array([0., 1.])); the contract asks
# for int arrays identical to KFold's (int64). X[train_idx] raises IndexError on them.
# (Its cross_val_mse, which cast them back, is left out: it was right.)
def kfold_indices(n_samples, n_folds):
    if n_folds < 2 or n_folds > n_samples:
        raise ValueError("n_folds must be in [2, n_samples]")
    q, r = divmod(n_samples, n_folds)
    bounds = [0]
    for i in range(n_folds):
        bounds.append(bounds[-1] + q + (i < r))
    folds = []
    for i in range(n_folds):
        start, stop = bounds[i], bounds[i + 1]
        val = np.zeros(stop - start)  # preallocate, then fill
        val[:] = np.arange(start, stop)
        train = np.zeros(n_samples - (stop - start))
        train[:start] = np.arange(start)
        train[start:] = np.arange(stop, n_samples)
        folds.append((train, val))
    return folds
