"""Correct (red team) with libraries: scipy.sparse (np.matrix from .todense()),
sklearn's normalize (sparse: no 10·eps floor), pandas for the ranking (returns a
pandas Index)."""

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.preprocessing import normalize


def precision_at_k(recommended, relevant, k):
    top = pd.Series(list(recommended)[:k], dtype=object)
    return float(top.isin(list(relevant)).sum()) / k


def recall_at_k(recommended, relevant, k):
    rel = pd.Index(list(relevant))
    if len(rel) == 0:
        return 0.0
    return float(rel.isin(list(recommended)[:k]).sum() / len(rel))


def item_similarity(ratings):
    X = sparse.csc_matrix(np.asarray(ratings, dtype=float))
    U = normalize(X, norm="l2", axis=0)  # zero columns stay zero
    return (U.T @ U).todense()  # an np.matrix


def recommend(ratings, user, k):
    R = np.asarray(ratings, dtype=float)
    S = np.asarray(item_similarity(R))
    s = pd.Series(S @ R[user])
    s = s[R[user] == 0]
    return s.sort_values(ascending=False, kind="stable").index[:k]
