"""Plausible wrong answers: the mistake each function makes is the common one."""

import numpy as np


def precision_at_k(recommended, relevant, k):
    # divides by the length of the (possibly shorter) list, not by k
    top = list(recommended)[:k]
    if not top:
        return 0.0
    return len(set(top) & set(relevant)) / len(top)


def recall_at_k(recommended, relevant, k):
    # crashes with ZeroDivisionError when nothing is relevant
    relevant = set(relevant)
    return len(set(list(recommended)[:k]) & relevant) / len(relevant)


def item_similarity(ratings):
    # Pearson correlation between items instead of the cosine
    R = np.asarray(ratings, dtype=float)
    return np.nan_to_num(np.corrcoef(R, rowvar=False)).reshape(R.shape[1], R.shape[1])


def recommend(ratings, user, k):
    # ranks every item, including the ones the user already rated
    R = np.asarray(ratings, dtype=float)
    norms = np.sqrt((R**2).sum(axis=0))
    unit = R / np.where(norms > 0, norms, 1.0)
    scores = (unit.T @ unit) @ R[user]
    return np.argsort(-scores, kind="stable")[:k]
