"""Correct answers in plain loops: counting hits one by one, one item against all
others at a time, and a Python sort of (-score, index) pairs."""

import math

import numpy as np


def precision_at_k(recommended, relevant, k):
    wanted = set(relevant)
    hits = 0
    for item in list(recommended)[:k]:
        if item in wanted:
            hits += 1
    return hits / k


def recall_at_k(recommended, relevant, k):
    wanted = set(relevant)
    if len(wanted) == 0:
        return 0.0
    hits = sum(1 for item in list(recommended)[:k] if item in wanted)
    return hits / len(wanted)


def item_similarity(ratings):
    R = np.array(ratings, dtype=float)
    n_items = R.shape[1]
    norms = [math.sqrt(float(np.dot(R[:, i], R[:, i]))) for i in range(n_items)]
    S = np.zeros((n_items, n_items))
    for i in range(n_items):  # one item against all the others at a time
        if norms[i] == 0:
            continue
        dots = R.T @ R[:, i]
        for j in range(n_items):
            if norms[j] > 0:
                S[i, j] = dots[j] / (norms[i] * norms[j])
    return S


def recommend(ratings, user, k):
    R = np.array(ratings, dtype=float)
    S = item_similarity(R)
    row = R[user]
    rated = [j for j in range(R.shape[1]) if row[j] != 0]
    scored = []
    for i in range(R.shape[1]):
        if row[i] != 0:
            continue
        score = sum(S[i, j] * row[j] for j in rated)
        scored.append((-score, i))
    scored.sort()
    return [i for _, i in scored[:k]]
