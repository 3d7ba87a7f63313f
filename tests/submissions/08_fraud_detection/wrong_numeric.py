"""Plausible wrong answers that lose precision or mix up labels and positions."""

import math

import numpy as np


def time_based_split(df, time_col, test_fraction):
    # positions used as index labels: right only for an index 0..n-1
    k = math.ceil(test_fraction * len(df))
    order = np.argsort(df[time_col].to_numpy(), kind="stable")
    return df.loc[order[: len(df) - k]], df.loc[order[len(df) - k :]]


def expected_cost(y_true, y_pred, cost_fp, cost_fn):
    # a per-row cost array of the labels' integer dtype: fractional costs truncated
    y, p = np.asarray(y_true), np.asarray(y_pred)
    per_row = np.zeros_like(y)
    per_row[(y == 0) & (p == 1)] = cost_fp
    per_row[(y == 1) & (p == 0)] = cost_fn
    return per_row.sum()


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # scores cast to float32: near-equal scores merge, large ones round
    y, s = np.asarray(y_true), np.asarray(scores, dtype=np.float32)
    ts = np.unique(s)[::-1]
    costs = [
        np.sum((s >= t) & (y == 0)) * cost_fp + np.sum((s < t) & (y == 1)) * cost_fn
        for t in ts
    ]
    return float(ts[int(np.argmin(costs))])
