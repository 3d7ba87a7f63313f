"""Wrong (red team): np.argpartition for the top k, then a stable sort of those k: on
a tie at the k-th place the partition may keep a higher index than the contract's.

Smallest input (of the kind): [[0, 0, 2, 0, 0], [0, 0, 1, 1, 2]], user 0, k=1:
items 3 and 4 tie (proportional columns), the contract gives [3]; this returns [4]."""

import numpy as np


def recommend(ratings, user, k):
    # WRONG on ties at the cut: [[0, 0, 2, 0, 0], [0, 0, 1, 1, 2]], user 0, k=1:
    # items 3 and 4 tie (proportional columns); expected [3]; this returns [4].
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R * R).sum(axis=0))
    unit = np.divide(R, norms, out=np.zeros_like(R), where=norms > 0)
    scores = (unit.T @ unit) @ R[user]
    unrated = np.flatnonzero(R[user] == 0)
    s = scores[unrated]
    if k < len(unrated):
        part = np.argpartition(-s, k - 1)[:k]
        part = np.sort(part)
        top = part[np.argsort(-s[part], kind="stable")]
    else:
        top = np.argsort(-s, kind="stable")
    return unrated[top]
