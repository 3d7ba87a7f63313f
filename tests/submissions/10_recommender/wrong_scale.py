"""Plausible wrong answers that ignore the cosine's normalisation or the diagonal."""

import numpy as np


def item_similarity(ratings):
    # the diagonal zeroed ("an item is not its own neighbour"): the contract keeps 1
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R**2).sum(axis=0))
    unit = R / np.where(norms > 0, norms, 1.0)
    S = unit.T @ unit
    np.fill_diagonal(S, 0.0)
    return S


def recommend(ratings, user, k):
    # raw co-rating products R.T @ R instead of the cosine: popular items win
    R = np.asarray(ratings, dtype=float)
    scores = (R.T @ R) @ R[user]
    unrated = np.flatnonzero(R[user] == 0)
    return unrated[np.argsort(-scores[unrated], kind="stable")][:k]
