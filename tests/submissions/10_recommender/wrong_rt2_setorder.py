"""Wrong (red team 2): candidates as a set difference, ranked with Python's stable
sorted() by score alone, "so ties keep their order"; but a small set iterates in
hash order modulo its table size, not index order: {1, 8} iterates as [8, 1].

Smallest input: [[5, 0, 5, 5, 5, 5, 5, 5, 0, 5]], user 0, k=2: items 1 and 8 are
unrated and both score 0: expected [1, 8]; this returns [8, 1]."""

import numpy as np


def recommend(ratings, user, k):
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R * R).sum(axis=0))
    unit = R / np.where(norms > 0, norms, 1.0)
    scores = (unit.T @ unit) @ R[user]
    rated = {int(j) for j in np.flatnonzero(R[user])}
    candidates = set(range(R.shape[1])) - rated
    ranked = sorted(candidates, key=lambda i: -scores[i])  # stable: ties keep order
    return ranked[:k]
