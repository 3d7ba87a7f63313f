"""Wrong (red team finding): recommend's scores rounded to 12 significant digits
"so that float noise ties" (relative rounding: scale-free, so the 3e-12 near-tie and
its ×1e6 / ×1e-9 copies still pass), which merges near-ties that are not ties.

Smallest input: the near-tie block with R[0, 1] = 1 + 2**-44 (checks._near_tie_block(
FINE_GAP)), user 0, k=4: item 4 scores 4.3e-14 (relatively) more than item 2, so the
contract gives [4, 2, 3, 5]; rounded, both score 0.75 and the lower index wins:
[2, 4, 3, 5]. The same block × 1e-9 merges the same way."""

import numpy as np


def recommend(ratings, user, k):
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R**2).sum(axis=0))
    unit = R / np.where(norms > 0, norms, 1.0)
    raw = (unit.T @ unit) @ R[user]
    scores = np.array([float(f"{x:.12g}") for x in raw])  # 12 significant digits
    unrated = np.flatnonzero(R[user] == 0)
    return unrated[np.argsort(-scores[unrated], kind="stable")][:k]
