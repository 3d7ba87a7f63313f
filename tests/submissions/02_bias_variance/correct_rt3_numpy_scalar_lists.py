# CORRECT: each fold a pair of lists built by iterating NumPy arrays, so their items
# are NumPy scalars (np.int64), not ints; leave-one-out at 1,500 rows returns 2.25
# million of them, which must reach the checks in time.
import numpy as np


def kfold_indices(n_samples, n_folds):
    if not 2 <= n_folds <= n_samples:
        raise ValueError(f"n_folds must be in [2, {n_samples}], got {n_folds}")
    idx = np.arange(n_samples)
    folds = []
    for val in np.array_split(idx, n_folds):
        inside = set(val.tolist())
        folds.append(([i for i in idx if i not in inside], list(val)))
    return folds
