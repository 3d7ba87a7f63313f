"""Plausible wrong answers that are right on typical inputs and wrong at the edges."""

import numpy as np


def time_based_split(df, time_col, test_fraction):
    # int() rounds down: one test row short whenever test_fraction * n is fractional
    k = int(test_fraction * len(df))
    ordered = df.sort_values(time_col)
    return ordered.iloc[: len(df) - k], ordered.iloc[len(df) - k :]


def expected_cost(y_true, y_pred, cost_fp, cost_fn):
    # the mean cost per transaction, not the total
    y, p = np.asarray(y_true), np.asarray(y_pred)
    fp = np.sum((y == 0) & (p == 1))
    fn = np.sum((y == 1) & (p == 0))
    return (fp * cost_fp + fn * cost_fn) / len(y)


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # ties go to the smallest threshold (`<=` while scanning from high to low)
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    best_t, best_cost = None, np.inf
    for t in np.unique(s)[::-1]:
        flagged = s >= t
        cost = (
            np.sum(flagged & (y == 0)) * cost_fp + np.sum(~flagged & (y == 1)) * cost_fn
        )
        if cost <= best_cost:
            best_t, best_cost = t, cost
    return float(best_t)
