"""Wrong (red team 2): scores at or below 1e-12 of the largest score are set to 0
("round-off, not signal"), relative so that the x1e-9 .. x1e-12 near-ties survive.

Smallest input: [[1e12, 1, 0, 0], [1, 0, 0, 0], [0, 1, 1, 1], [0, 0, 1, 0], [0, 0, 1,
0], [0, 0, 0, 1]], user 0, k=2: items 2 and 3 are co-rated only with item 1 (rating
1): scores 1/sqrt6 = 0.408 and 1/2 = 0.5, expected [3, 2]; both fall under the floor
(1e-12 * 1e12 = 1), become 0 and tie: this returns [2, 3]."""

import numpy as np


def recommend(ratings, user, k):
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R * R).sum(axis=0))
    unit = R / np.where(norms > 0, norms, 1.0)
    scores = (unit.T @ unit) @ R[user]
    top = np.abs(scores).max() if scores.size else 0.0
    scores = np.where(np.abs(scores) <= 1e-12 * top, 0.0, scores)  # round-off -> 0
    unrated = np.flatnonzero(R[user] == 0)
    return unrated[np.argsort(-scores[unrated], kind="stable")][:k]
