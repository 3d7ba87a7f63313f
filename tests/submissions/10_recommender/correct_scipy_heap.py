"""Correct answers another way: Counter-free set sizes, scipy's cosine distance
(nan for an empty column, replaced by 0), and heapq for the top k."""

import heapq

import numpy as np
from scipy.spatial.distance import cdist


def precision_at_k(recommended, relevant, k):
    return len(set(list(recommended)[:k]).intersection(relevant)) / float(k)


def recall_at_k(recommended, relevant, k):
    relevant = frozenset(relevant)
    return (
        len(relevant.intersection(list(recommended)[:k])) / len(relevant)
        if relevant
        else 0.0
    )


def item_similarity(ratings):
    R = np.asarray(ratings, dtype=float).T
    with np.errstate(all="ignore"):
        S = 1.0 - cdist(R, R, metric="cosine")
    empty = ~R.any(axis=1)
    S[empty, :] = 0.0
    S[:, empty] = 0.0
    return np.nan_to_num(S)


def recommend(ratings, user, k):
    R = np.asarray(ratings, dtype=float)
    norms = np.linalg.norm(R, axis=0)
    unit = np.divide(R, norms, out=np.zeros_like(R), where=norms > 0)
    scores = unit.T @ (unit @ R[user])  # the same sum, associated the other way
    unrated = [i for i in range(R.shape[1]) if R[user, i] == 0]
    return heapq.nsmallest(k, unrated, key=lambda i: (-scores[i], i))
