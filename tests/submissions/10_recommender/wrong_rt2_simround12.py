"""Wrong (red team 2): the similarity matrix (not the scores) rounded to 12 decimals
"so that duplicate items tie exactly".

Smallest input: [[1, 0, 0], [1, 1, 1], [1, 0.3, 0.3 + 1e-12]], user 0, k=2: item 2's
cosine with item 0 exceeds item 1's by 4.9e-13 relative (scores 0.71890164269249 and
0.71890164269213; the contract: not a tie), expected [2, 1]; both cosines round to
the same 12 decimals and the lower index wins: this returns [1, 2]."""

import numpy as np


def recommend(ratings, user, k):
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R * R).sum(axis=0))
    unit = R / np.where(norms > 0, norms, 1.0)
    S = np.round(unit.T @ unit, 12)  # float noise off: duplicate items tie exactly
    scores = S @ R[user]
    unrated = np.flatnonzero(R[user] == 0)
    return unrated[np.argsort(-scores[unrated], kind="stable")][:k]
