"""Correct (red team) and robust at any scale: each column divided by its max before
the products (cosine is scale-free), so even 1e-170 or 1e200 ratings work; tuple
output."""

import numpy as np


def precision_at_k(recommended, relevant, k):
    top = np.asarray(recommended).reshape(-1)[:k].tolist()
    rel = (
        relevant
        if isinstance(relevant, (set, frozenset))
        else np.asarray(relevant).reshape(-1).tolist()
    )
    return np.float64(len(set(top).intersection(rel))) / np.float64(k)


def recall_at_k(recommended, relevant, k):
    rel = (
        set(relevant)
        if isinstance(relevant, (set, frozenset))
        else set(np.asarray(relevant).tolist())
    )
    top = set(np.asarray(recommended).tolist()[:k]) if len(recommended) else set()
    return len(top & rel) / len(rel) if rel else 0.0


def item_similarity(ratings):
    R = np.array(ratings, dtype=np.float64)
    m = R.max(axis=0) if R.shape[0] else np.zeros(R.shape[1])
    X = np.divide(R, m, out=np.zeros_like(R), where=m > 0)
    norms = np.linalg.norm(X, axis=0)
    U = np.divide(X, norms, out=np.zeros_like(X), where=norms > 0)
    return U.T @ U


def recommend(ratings, user, k):
    R = np.array(ratings, dtype=np.float64)
    r = R[user]
    scale = r.max() if r.size else 0.0
    s = item_similarity(R) @ (r / scale if scale > 0 else r)  # same order, scale-free
    unrated = [int(i) for i in np.flatnonzero(r == 0)]
    return tuple(sorted(unrated, key=lambda i: (-s[i], i))[:k])
