"""Wrong (red team): only items with a positive score are recommended (no zero-score
filler).

Smallest input: [[3, 0, 0, 5, 0]], user 0, k=2: every unrated item scores 0, the
contract returns [1, 2]; this returns []."""

import numpy as np


def recommend(ratings, user, k):
    # WRONG on [[3, 0, 0, 5, 0]], user 0, k=2: every unrated item scores 0; the
    # contract returns [1, 2]; this returns [].
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R * R).sum(axis=0))
    unit = np.divide(R, norms, out=np.zeros_like(R), where=norms > 0)
    s = (unit.T @ unit) @ R[user]
    cand = np.flatnonzero((R[user] == 0) & (s > 0))
    return cand[np.argsort(-s[cand], kind="stable")][:k]
