"""Red team, round 2: kf_setorder (one wrong function; see the comment)."""

import numpy as np


# WRONG on kfold_indices(9, 2): fold 0 train_idx comes back [8, 5, 6, 7] (set iteration
# order: hash(8) % 8 == 0); KFold(2).split(range(9)) gives train [5, 6, 7, 8] ("in
# increasing order" per the contract). Same for (33, 2)..(37, 2), (129, 2), ...
def kfold_indices(n_samples, n_folds):
    if n_folds < 2 or n_folds > n_samples:
        raise ValueError("n_folds must be in [2, n_samples]")
    sizes = [
        n_samples // n_folds + (1 if i < n_samples % n_folds else 0)
        for i in range(n_folds)
    ]
    folds, start = [], 0
    everything = set(range(n_samples))
    for size in sizes:
        val = list(range(start, start + size))
        train = list(everything - set(val))
        folds.append((np.array(train), np.array(val)))
        start += size
    return folds
