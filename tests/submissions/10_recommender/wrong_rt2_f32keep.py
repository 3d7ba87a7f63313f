"""Wrong (red team 2): recommend makes its ratings float with `* 1.0`, which turns
lists and integer arrays into float64 but leaves a float32 array float32 (NumPy 2:
a Python float does not promote float32).

Smallest input: np.array([[1, 0, 0], [1, 1, 1], [1, 0.3003, 0.30030003]],
dtype=np.float32) (the last two are adjacent float32 values), user 0, k=2: read as
float64, item 2 beats item 1 by 1.5e-8 relative (scores 0.71900816 vs 0.71900815),
expected [2, 1]; in float32 the two cosines are equal and this returns [1, 2]."""

import numpy as np


def recommend(ratings, user, k):
    R = np.asarray(ratings) * 1.0  # as floats
    norms = np.sqrt((R * R).sum(axis=0))
    unit = R / np.where(norms > 0, norms, 1.0)
    scores = (unit.T @ unit) @ R[user]
    unrated = np.flatnonzero(R[user] == 0)
    return unrated[np.argsort(-scores[unrated], kind="stable")][:k]
