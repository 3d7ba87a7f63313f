"""Wrong (red team 2): integer ratings widened to int64 "so the products are exact"
(floats go to float64); the contract reads every dtype as float64 and allows ratings
up to 1e12, and the int64 Gram matrix wraps once a square exceeds 9.2e18 (3.04e9).

Smallest inputs: item_similarity(np.array([[4e9, 1], [3e9, 2]], dtype=np.int64))
must have 0.894427 off the diagonal, this gives 1.746974. recommend(np.array([[0,
3e9, 0], [4e9, 4e9, 0], [0, 0, 1], [1, 0, 1]], dtype=np.int64), 0, 2) must be
[0, 2] (item 0 scores 0.8 * 3e9 = 2.4e9, item 2 scores 0); this returns [2, 0]."""

import numpy as np


def item_similarity(ratings):
    R = np.asarray(ratings)
    R = R.astype(np.int64) if R.dtype.kind in "biu" else R.astype(np.float64)
    G = R.T @ R  # exact for integer ratings
    norms = np.sqrt(np.diag(G).astype(np.float64))
    safe = np.where(norms > 0, norms, 1.0)
    S = G / np.outer(safe, safe)
    S[norms == 0, :] = 0.0
    S[:, norms == 0] = 0.0
    return np.nan_to_num(S)


def recommend(ratings, user, k):
    R = np.asarray(ratings)
    R = R.astype(np.int64) if R.dtype.kind in "biu" else R.astype(np.float64)
    G = R.T @ R  # exact for integer ratings
    norms = np.sqrt(np.diag(G).astype(np.float64))
    safe = np.where(norms > 0, norms, 1.0)
    S = np.nan_to_num(G / np.outer(safe, safe))
    scores = S @ R[user]
    unrated = np.flatnonzero(R[user] == 0)
    return unrated[np.argsort(-scores[unrated], kind="stable")][:k]
