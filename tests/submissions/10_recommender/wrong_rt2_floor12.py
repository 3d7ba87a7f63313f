"""Wrong (red team 2): a "numerically zero" floor at 1e-12 (norms > 1e-12 count as
rated), i.e. at the contract's smallest rating: a column whose only rating is exactly
1e-12 (valid: the range 1e-12 .. 1e12 includes its ends) is "nobody rated it".

Smallest inputs: item_similarity([[1e-12]]) must be [[1.0]], this gives [[0.0]].
recommend([[1, 0, 0], [1, 0, 1e-12], [0, 1, 0]], 0, 2): item 2 has cosine 1/sqrt2
with item 0 (score 0.707), item 1 scores 0: expected [2, 1]; with item 2's column
floored to zero this returns [1, 2]."""

import numpy as np


def item_similarity(ratings):
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R * R).sum(axis=0))
    rated = norms > 1e-12  # smaller norms are round-off, not ratings
    unit = np.divide(R, norms, out=np.zeros_like(R), where=rated)
    return unit.T @ unit


def recommend(ratings, user, k):
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R * R).sum(axis=0))
    rated = norms > 1e-12  # smaller norms are round-off, not ratings
    unit = np.divide(R, norms, out=np.zeros_like(R), where=rated)
    scores = (unit.T @ unit) @ R[user]
    unrated = np.flatnonzero(R[user] == 0)
    return unrated[np.argsort(-scores[unrated], kind="stable")][:k]
