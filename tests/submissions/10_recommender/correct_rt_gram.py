"""Correct within the contract's range (red team's wrong_underflow): the textbook
Gram form G = R.T @ R, norms sqrt(diag(G)), nan/inf set to 0.

It squares the ratings, so it underflows below about 1e-162 ([[1e-170, 2e-170],
[3e-170, 0]] gives all 0 instead of [[1, .316], [.316, 1]]) and overflows above about
1e154 ([[1e200]] gives [[0]], not [[1]]); the course's own reference does the same.
The contract limits non-zero ratings to 1e-12 .. 1e12, where it is exact enough: it
must keep full marks."""

import numpy as np


def item_similarity(ratings):
    # squares the ratings: exact enough for non-zero ratings in 1e-12 .. 1e12
    R = np.asarray(ratings, dtype=float)
    G = R.T @ R
    norms = np.sqrt(np.diag(G))
    with np.errstate(all="ignore"):
        S = G / np.outer(norms, norms)
    return np.nan_to_num(S, nan=0.0, posinf=0.0, neginf=0.0)
