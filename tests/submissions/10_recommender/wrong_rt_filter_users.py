"""Wrong (red team): drops users with a single rating before computing the
similarity ("they carry no co-occurrence"), which changes the column norms.

Smallest input: [[1, 1], [1, 0]]: cos = 1/sqrt(2) = 0.7071; dropping user 1 gives
1.0."""

import numpy as np


def item_similarity(ratings):
    # WRONG on [[1, 1], [1, 0]]: expected cos = 1/sqrt(2) = 0.7071; dropping user 1
    # (one rating) gives 1.0.
    R = np.asarray(ratings, dtype=float)
    keep = np.count_nonzero(R, axis=1) >= 2
    if keep.any():
        R = R[keep]
    norms = np.sqrt((R * R).sum(axis=0))
    unit = np.divide(R, norms, out=np.zeros_like(R), where=norms > 0)
    return unit.T @ unit
