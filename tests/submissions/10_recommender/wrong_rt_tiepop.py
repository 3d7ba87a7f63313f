"""Wrong (red team): ties broken by popularity (more raters first), then index.

Smallest input: [[0, 0, 4], [0, 3, 0], [0, 2, 0]], user 0, k=2: items 0 and 1 both
score 0, the contract gives [0, 1]; this returns [1, 0] (item 1 has 2 raters)."""

import numpy as np


def recommend(ratings, user, k):
    # WRONG on ties between items of different popularity, e.g.
    # [[0, 0, 4], [0, 3, 0], [0, 2, 0]], user 0, k=2: items 0 and 1 both score 0;
    # contract [0, 1]; this returns [1, 0] (item 1 has 2 raters).
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R * R).sum(axis=0))
    unit = np.divide(R, norms, out=np.zeros_like(R), where=norms > 0)
    s = (unit.T @ unit) @ R[user]
    counts = np.count_nonzero(R, axis=0)
    unrated = np.flatnonzero(R[user] == 0)
    order = np.lexsort((unrated, -counts[unrated], -s[unrated]))
    return unrated[order][:k]
