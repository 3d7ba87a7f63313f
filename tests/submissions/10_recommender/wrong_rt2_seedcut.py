"""Wrong (red team 2): scores from the user's 30 highest-rated items only (the usual
"seed items" cut of candidate generation), not from every rated item.

Smallest input, 3 users x 33 items: user 0 rates items 0-29 with 5 and item 30 with
1; user 1 rates items 30 and 32 with 1; user 2 rates item 31 with 1. User 0, k=2:
item 32 scores cos(32, 30) * 1 = 1/sqrt2 = 0.707, item 31 scores 0: expected
[32, 31]; with item 30 cut from the seeds both score 0: this returns [31, 32].
    R = np.zeros((3, 33)); R[0, :30] = 5; R[0, 30] = 1; R[1, [30, 32]] = 1; R[2, 31] = 1
"""

import numpy as np


def recommend(ratings, user, k):
    N_SEEDS = 30  # score from the user's 30 best-rated items
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R * R).sum(axis=0))
    unit = R / np.where(norms > 0, norms, 1.0)
    row = R[user]
    seeds = np.argsort(-row, kind="stable")[:N_SEEDS]
    seeds = seeds[row[seeds] > 0]
    scores = (unit.T @ unit[:, seeds]) @ row[seeds]
    unrated = np.flatnonzero(row == 0)
    return unrated[np.argsort(-scores[unrated], kind="stable")][:k]
