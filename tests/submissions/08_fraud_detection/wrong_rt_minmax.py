"""Scores min-max scaled to [0, 1] first ("like probabilities"), the threshold mapped back."""

import numpy as np


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # WRONG on y = [0, 0, 1], scores = [-1e6, 1.0, 1.0 + 2**-52], costs 1, 1:
    # t = 1.0000000000000002 flags only the fraud (cost 0): right answer
    # 1.0000000000000002. Scaled, 1.0 and 1.0 + 2**-52 become one value; the answer is
    # the mapped-back 1.0 (the lower of the two merged scores, which also flags a false alarm).
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    lo, hi = s.min(), s.max()
    z = (s - lo) / (hi - lo) if hi > lo else np.zeros_like(s)
    best_t, best_cost = None, np.inf
    for t in np.unique(z)[::-1]:
        flagged = z >= t
        cost = (
            np.sum(flagged & (y == 0)) * cost_fp + np.sum(~flagged & (y == 1)) * cost_fn
        )
        if cost < best_cost:
            best_t, best_cost = t, cost
    return float(lo + best_t * (hi - lo))
