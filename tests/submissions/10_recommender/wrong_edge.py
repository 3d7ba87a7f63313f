"""Plausible wrong answers that are right on typical inputs and wrong at the edges."""

import numpy as np


def precision_at_k(recommended, relevant, k):
    # np.isin does not look inside a Python set: a set of relevant items finds nothing
    return float(np.sum(np.isin(np.asarray(recommended)[:k], relevant))) / k


def recall_at_k(recommended, relevant, k):
    # 0/0 in NumPy: nan when nothing is relevant
    relevant = set(relevant)
    hits = len(set(list(recommended)[:k]) & relevant)
    return np.float64(hits) / np.float64(len(relevant))


def item_similarity(ratings):
    # no guard for an item nobody rated: 0 / 0 = nan
    R = np.asarray(ratings, dtype=float)
    norms = np.linalg.norm(R, axis=0)
    return (R.T @ R) / np.outer(norms, norms)


def recommend(ratings, user, k):
    # argsort(...)[::-1] puts the higher index first on a tie
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R**2).sum(axis=0))
    unit = R / np.where(norms > 0, norms, 1.0)
    scores = (unit.T @ unit) @ R[user]
    unrated = np.flatnonzero(R[user] == 0)
    order = np.argsort(scores[unrated], kind="stable")[::-1]
    return unrated[order][:k]
