"""Correct (red team), with pandas objects as results: a DataFrame similarity, a
Series-based ranking returned as a list; precision as the mean over k slots (padding
with None)."""

import numpy as np
import pandas as pd


def precision_at_k(recommended, relevant, k):
    wanted = set(relevant)
    slots = list(recommended)[:k] + [None] * max(0, k - len(recommended))
    return np.mean([x in wanted for x in slots])


def recall_at_k(recommended, relevant, k):
    wanted = set(relevant)
    return (
        np.float64(len(wanted.intersection(list(recommended)[:k]))) / len(wanted)
        if wanted
        else np.float64(0)
    )


def item_similarity(ratings):
    df = pd.DataFrame(np.asarray(ratings, dtype=float))
    norms = np.sqrt((df**2).sum())
    unit = df.div(norms.where(norms > 0, 1.0), axis=1)
    return unit.T.dot(unit)  # a DataFrame


def recommend(ratings, user, k):
    df = pd.DataFrame(np.asarray(ratings, dtype=float))
    S = item_similarity(df.values)
    s = S.dot(df.iloc[int(user)])
    s = s[df.iloc[int(user)] == 0]
    return s.sort_values(ascending=False, kind="mergesort").index.tolist()[:k]
