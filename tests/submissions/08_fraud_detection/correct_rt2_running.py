"""Correct, other styles: a list [train, test] from np.lexsort with the columns reversed;
an exact Decimal total from a Counter of (truth, flag) pairs (costs read as float64
first); a one-pass running cost (start from "every fraud missed", each flagged row
adds cost_fp or takes back cost_fn).
"""

import math
from collections import Counter
from decimal import Decimal

import numpy as np


def time_based_split(df, time_col, test_fraction):
    # CORRECT: lexsort on (position, time) is a stable sort by time; any column order.
    n = len(df)
    k = math.ceil(test_fraction * n)
    order = np.lexsort((np.arange(n), df[time_col].to_numpy()))
    cols = list(df.columns)[::-1]
    return [df.iloc[order[: n - k]][cols], df.iloc[order[n - k :]][cols]]


def expected_cost(y_true, y_pred, cost_fp, cost_fn):
    # CORRECT: exact; Decimal(float) is the float's exact value (float() first: Decimal
    # refuses np.int8 and np.float32). Returns a Decimal.
    pairs = Counter(
        (int(a), int(b))
        for a, b in zip(np.asarray(y_true).ravel(), np.asarray(y_pred).ravel())
    )
    return pairs[(0, 1)] * Decimal(float(cost_fp)) + pairs[(1, 0)] * Decimal(
        float(cost_fn)
    )


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # CORRECT: cost(t) = P*cost_fn + sum over flagged rows of (cost_fp if legit else
    # -cost_fn), accumulated in float; the end of each group of tied scores is a
    # threshold; the first least cost from the top is the largest t.
    y = np.asarray(y_true).astype(np.int64).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    cf, cn = float(cost_fp), float(cost_fn)
    cost = int(y.sum()) * cn + np.cumsum(np.where(y == 1, -cn, cf))
    last = np.r_[np.flatnonzero(s[1:] != s[:-1]), len(s) - 1]
    c = cost[last]
    return float(s[last][int(np.flatnonzero(c == c.min())[0])])
