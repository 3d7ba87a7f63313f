"""Wrong (red team): when nothing the user rated is co-rated with any candidate (all
scores 0), fall back to popularity.

Smallest input: [[5, 0, 0], [0, 0, 3], [0, 0, 2]], user 0, k=2: items 1 and 2 both
score 0, so the contract gives [1, 2]; this returns [2, 1] (item 2 has 2 raters)."""

import numpy as np


def recommend(ratings, user, k):
    # WRONG on [[5, 0, 0], [0, 0, 3], [0, 0, 2]], user 0, k=2: items 1 and 2 score 0,
    # contract [1, 2]; this returns [2, 1] (item 2 is rated by 2 users).
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R * R).sum(axis=0))
    unit = np.divide(R, norms, out=np.zeros_like(R), where=norms > 0)
    s = (unit.T @ unit) @ R[user]
    unrated = np.flatnonzero(R[user] == 0)
    if unrated.size and not s[unrated].any():
        s = np.count_nonzero(R, axis=0).astype(float)
    return unrated[np.argsort(-s[unrated], kind="stable")][:k]
