"""Wrong (red team 2): recommend computes its own cosine with 1e-9 added to the norms
("avoid dividing by zero"); a uniform epsilon keeps the order on the near-tie block.

Smallest input: [[1, 0, 0], [1, 0, 1], [2, 1e-12, 0]], user 0, k=2: item 1 (one
rating of 1e-12) has cosine 2/sqrt6 with item 0, item 2 1/sqrt6: scores 0.816 and
0.408, expected [1, 2]; with norms + 1e-9 item 1's unit column is ~1e-3, so this
returns [2, 1] (hidden case "item 1's only rating is 1e-12", with a 4th item)."""

import numpy as np


def recommend(ratings, user, k):
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R * R).sum(axis=0)) + 1e-9  # epsilon: no division by zero
    unit = R / norms
    scores = (unit.T @ unit) @ R[user]
    unrated = np.flatnonzero(R[user] == 0)
    return unrated[np.argsort(-scores[unrated], kind="stable")][:k]
