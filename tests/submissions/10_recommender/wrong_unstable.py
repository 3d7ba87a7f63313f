"""A plausible wrong answer: right scores, but an unstable sort for the ties."""

import numpy as np


def recommend(ratings, user, k):
    # np.argsort's default (quicksort) does not keep equal scores in index order
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R**2).sum(axis=0))
    unit = R / np.where(norms > 0, norms, 1.0)
    scores = (unit.T @ unit) @ R[user]
    unrated = np.flatnonzero(R[user] == 0)
    return unrated[np.argsort(-scores[unrated])][:k]
