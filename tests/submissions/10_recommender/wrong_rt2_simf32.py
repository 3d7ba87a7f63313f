"""Wrong (red team 2): recommend keeps the item-item similarity matrix in float32
"to halve its memory", then scores it against the float64 ratings row.

Smallest input: [[1, 0, 0], [1, 1, 1], [1, 0.3, 0.30000001]], user 0, k=2: item 2's
cosine with item 0 is larger by 4.9e-9 relative (scores 0.71890165.. vs
0.71890164..), expected [2, 1]; both round to the same float32 and the tie goes to
the lower index: this returns [1, 2]."""

import numpy as np


def recommend(ratings, user, k):
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R * R).sum(axis=0))
    unit = R / np.where(norms > 0, norms, 1.0)
    S = (unit.T @ unit).astype(np.float32)  # n_items**2 floats: store in float32
    scores = S @ R[user]
    unrated = np.flatnonzero(R[user] == 0)
    return unrated[np.argsort(-scores[unrated], kind="stable")][:k]
