"""Plausible wrong answers about which side is which."""

import numpy as np


def time_based_split(df, time_col, test_fraction):
    # sorted, but the test set is the *earliest* rows
    k = int(np.ceil(test_fraction * len(df)))
    ordered = df.sort_values(time_col)
    return ordered.iloc[k:], ordered.iloc[:k]


def expected_cost(y_true, y_pred, cost_fp, cost_fn):
    # error rates instead of counts
    y, p = np.asarray(y_true), np.asarray(y_pred)
    negatives, positives = max(np.sum(y == 0), 1), max(np.sum(y == 1), 1)
    fpr = np.sum((y == 0) & (p == 1)) / negatives
    fnr = np.sum((y == 1) & (p == 0)) / positives
    return fpr * cost_fp + fnr * cost_fn


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # a fixed grid of thresholds instead of the scores
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    grid = np.linspace(0, 1, 101)
    costs = [
        np.sum((s >= t) & (y == 0)) * cost_fp + np.sum((s < t) & (y == 1)) * cost_fn
        for t in grid
    ]
    return float(grid[int(np.argmin(costs))])
