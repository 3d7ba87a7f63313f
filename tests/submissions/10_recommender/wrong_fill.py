"""Plausible wrong answers about what the top k may hold."""

import numpy as np


def item_similarity(ratings):
    # float32 "to save memory": about 7 digits
    R = np.asarray(ratings, dtype=np.float32)
    norms = np.sqrt((R**2).sum(axis=0))
    unit = R / np.where(norms > 0, norms, np.float32(1))
    return unit.T @ unit


def recommend(ratings, user, k):
    # rated items get -inf and stay in the ranking: they pad a short list
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R**2).sum(axis=0))
    unit = R / np.where(norms > 0, norms, 1.0)
    scores = np.where(R[user] == 0, (unit.T @ unit) @ R[user], -np.inf)
    return np.argsort(-scores, kind="stable")[:k]
