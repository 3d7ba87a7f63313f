"""Wrong (red team): a "numerically zero" floor, column norms <= 1e-10 treated as
not rated, and recommend's scores rounded to 12 decimals of the top score.

Smallest inputs: item_similarity([[1e-11]]) must be [[1.0]] (cosine is scale-free;
only a norm of exactly 0 means nobody rated), this gives [[0.0]]. recommend on the
near-tie block × 1e-11 (norms of 2e-11, user 0, k=3) must give [4, 2, 3]; with every
similarity 0 this gives [2, 3, 4]. The rounding alone merges the 4.3e-14 near-tie
(expected [4, 2], returns [2, 4])."""

import numpy as np


def item_similarity(ratings):
    # WRONG on [[1e-11]] (or any column whose norm is < 1e-10, e.g. ratings of 1e-12):
    # expected [[1.0]] (an item someone rated has diagonal 1, cosine is scale-free),
    # returns [[0.0]]. Hidden cases only go down to 1e-9 ratings (norms > 1e-9).
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R * R).sum(axis=0))
    ok = norms > 1e-10
    unit = np.divide(R, norms, out=np.zeros_like(R), where=ok)
    return unit.T @ unit


def recommend(ratings, user, k):
    # WRONG: scores rounded at 12 decimals of the top score "to let float noise tie".
    # Wrong on near_tie with R[0,1] = 1 + 4e-13 (a 3e-13 relative gap): expected
    # [4, 2] (the higher score wins), returns [2, 4].
    R = np.asarray(ratings, dtype=float)
    scores = item_similarity(R) @ R[user]
    top = np.abs(scores).max() if scores.size else 0.0
    key = np.round(scores / top, 12) if top > 0 else scores
    unrated = np.flatnonzero(R[user] == 0)
    return unrated[np.argsort(-key[unrated], kind="stable")][:k]
