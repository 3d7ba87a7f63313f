"""Subtler wrong answers: right on every visible check."""

import math

import numpy as np


def time_based_split(df, time_col, test_fraction):
    # sorts the caller's DataFrame in place
    df.sort_values(time_col, inplace=True, kind="mergesort")
    k = math.ceil(test_fraction * len(df))
    return df.iloc[: len(df) - k], df.iloc[len(df) - k :]


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # a running count over the sorted scores, without grouping tied scores
    y = np.asarray(y_true, dtype=float)
    s = np.asarray(scores, dtype=float)
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    fp = np.cumsum(1 - y)
    fn = y.sum() - np.cumsum(y)
    cost = fp * cost_fp + fn * cost_fn
    return float(s[np.argmin(cost)])
