"""Other algorithms: argpartition (no full sort) for the split, bincount for the cost,
class-conditional rates weighted by the class shares for the threshold."""

import math

import numpy as np


def time_based_split(df, time_col, test_fraction):
    # CORRECT: np.argpartition puts the n-k earliest times first (O(n), no full sort).
    n = len(df)
    k = math.ceil(test_fraction * n)
    times = df[time_col].to_numpy()
    if k == n:
        return df.iloc[:0], df
    idx = np.argpartition(times, n - k)
    return df.iloc[np.sort(idx[: n - k])], df.iloc[np.sort(idx[n - k :])]


def expected_cost(y_true, y_pred, cost_fp, cost_fn):
    # CORRECT: the confusion counts from one bincount of 2*y + p.
    y = np.asarray(y_true).astype(np.int64).ravel()
    p = np.asarray(y_pred).astype(np.int64).ravel()
    tn, fp, fn, tp = np.bincount(2 * y + p, minlength=4)
    return float(int(fp)) * float(cost_fp) + float(int(fn)) * float(cost_fn)


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # CORRECT: expected cost = P(neg)*FPR*cost_fp + P(pos)*FNR*cost_fn (= total / n).
    y = np.asarray(y_true).astype(np.int64).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    n = len(y)
    n_pos = int(y.sum())
    n_neg = n - n_pos
    best_t, best_cost = None, np.inf
    for t in np.unique(s)[::-1]:
        flagged = s >= t
        fpr = np.sum(flagged & (y == 0)) / n_neg if n_neg else 0.0
        fnr = np.sum(~flagged & (y == 1)) / n_pos if n_pos else 0.0
        cost = (n_neg / n) * fpr * cost_fp + (n_pos / n) * fnr * cost_fn
        if cost < best_cost:
            best_t, best_cost = t, cost
    return float(best_t)
