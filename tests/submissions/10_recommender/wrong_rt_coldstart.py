"""Wrong (red team): a popularity fallback for a user with no ratings, where the
contract ranks by score (all 0) then index.

Smallest input: [[0, 0, 0], [0, 0, 4], [0, 3, 5]], user 0, k=2: every score is 0, the
contract gives [0, 1]; this returns the most rated items [2, 1]."""

import numpy as np


def recommend(ratings, user, k):
    # WRONG for a user with no ratings: [[0, 0, 0], [0, 0, 4], [0, 3, 5]], user 0, k=2:
    # every score is 0 so the contract gives [0, 1] (lower index first); this returns
    # the most rated items [2, 1] (cold-start fallback to popularity).
    R = np.asarray(ratings, dtype=float)
    unrated = np.flatnonzero(R[user] == 0)
    if not R[user].any():
        counts = np.count_nonzero(R, axis=0)
        return unrated[np.argsort(-counts[unrated], kind="stable")][:k]
    norms = np.sqrt((R * R).sum(axis=0))
    unit = np.divide(R, norms, out=np.zeros_like(R), where=norms > 0)
    s = (unit.T @ unit) @ R[user]
    return unrated[np.argsort(-s[unrated], kind="stable")][:k]
