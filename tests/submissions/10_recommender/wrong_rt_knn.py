"""Wrong (red team): the classic item-kNN approximation, summing over only the 30
most similar items to each candidate instead of over every j.

Wrong once a candidate has more than 30 co-rated neighbours and the user rated some
beyond the 30th; shown on the hidden 2,000 × 500 case (user 17, k=10), whose top 10
differs from the reference."""

import numpy as np


def recommend(ratings, user, k):
    # WRONG when a candidate has more than 30 co-rated neighbours and the user rated
    # some beyond the 30th: their sim*r terms are dropped. Shown on the hidden
    # 2,000 x 500 case (user 17, k = 10), where the top 10 differs from the reference.
    N_NEIGHBOURS = 30  # the usual item-kNN cut-off
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R * R).sum(axis=0))
    unit = np.divide(R, norms, out=np.zeros_like(R), where=norms > 0)
    S = unit.T @ unit
    n = S.shape[0]
    if n > N_NEIGHBOURS:
        keep = np.zeros_like(S, dtype=bool)
        nn = np.argsort(-S, axis=1, kind="stable")[:, :N_NEIGHBOURS]
        keep[np.arange(n)[:, None], nn] = True
        S = np.where(keep, S, 0.0)
    scores = S @ R[user]
    unrated = np.flatnonzero(R[user] == 0)
    return unrated[np.argsort(-scores[unrated], kind="stable")][:k]
