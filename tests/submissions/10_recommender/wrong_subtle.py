"""Plausible wrong answers that read the definitions a little differently."""

import numpy as np


def precision_at_k(recommended, relevant, k):
    # counts hits in the whole list, not only in the top k
    return len(set(recommended) & set(relevant)) / k


def recall_at_k(recommended, relevant, k):
    # divides by k: that is the precision
    relevant = set(relevant)
    if not relevant:
        return 0.0
    return len(set(list(recommended)[:k]) & relevant) / k


def item_similarity(ratings):
    # an epsilon in the norms "to avoid dividing by zero": wrong for small ratings
    R = np.asarray(ratings, dtype=float)
    norms = np.linalg.norm(R, axis=0) + 1e-9
    return (R.T @ R) / np.outer(norms, norms)


def recommend(ratings, user, k):
    # ranks by the weighted average Σ sim·r / Σ sim (a predicted rating)
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R**2).sum(axis=0))
    unit = R / np.where(norms > 0, norms, 1.0)
    S = unit.T @ unit
    rated = R[user] > 0
    weights = S[:, rated].sum(axis=1)
    scores = np.divide(
        S[:, rated] @ R[user, rated], weights, out=np.zeros(len(S)), where=weights > 0
    )
    unrated = np.flatnonzero(~rated)
    return unrated[np.argsort(-scores[unrated], kind="stable")][:k]
