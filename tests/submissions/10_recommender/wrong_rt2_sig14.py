"""Wrong (red team 2): scores rounded to 14 significant digits (relative, so
scale-free) "to let float noise tie". For scores with leading digit 1 the 14th digit
is 1e-13 relative, so gaps of 1e-14 .. 1e-13 relative (not ties) merge.

Smallest input: [[2, 0, 0], [1, 1, 1], [1, 0.3075, 0.3075 + 2e-13]], user 0, k=2:
scores 1.0204154496078488 (item 2) and 1.0204154496077502 (item 1), 9.7e-14 apart
relatively, expected [2, 1]; both are 1.0204154496078 at 14 digits: this returns
[1, 2]. The 4.3e-14 near-tie block x 1.4 (scores near 1.05) merges too."""

import numpy as np


def recommend(ratings, user, k):
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R * R).sum(axis=0))
    unit = R / np.where(norms > 0, norms, 1.0)
    raw = (unit.T @ unit) @ R[user]
    scores = np.array([float(f"{x:.14g}") for x in raw])  # 14 significant digits
    unrated = np.flatnonzero(R[user] == 0)
    return unrated[np.argsort(-scores[unrated], kind="stable")][:k]
