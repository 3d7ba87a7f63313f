"""Plausible wrong answers that lose precision or overflow."""

import numpy as np


def recall_at_k(recommended, relevant, k):
    # divides by min(k, |relevant|): a normalised recall, not recall@k
    relevant = set(relevant)
    if not relevant:
        return 0.0
    return len(set(list(recommended)[:k]) & relevant) / min(k, len(relevant))


def item_similarity(ratings):
    # products in the input's dtype: uint8 wraps around at 256
    R = np.asarray(ratings)
    G = R.T @ R
    norms = np.sqrt(np.diag(G).astype(float))
    safe = np.where(norms > 0, norms, 1.0)
    return G / np.outer(safe, safe)


def recommend(ratings, user, k):
    # scores rounded to 8 decimals "to break float noise": near-ties merge
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R**2).sum(axis=0))
    unit = R / np.where(norms > 0, norms, 1.0)
    scores = np.round((unit.T @ unit) @ R[user], 8)
    unrated = np.flatnonzero(R[user] == 0)
    return unrated[np.argsort(-scores[unrated], kind="stable")][:k]
