"""A threshold search that treats costs within np.isclose as tied (against float noise)."""

import numpy as np


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # WRONG on y = [1, 0, 1], scores = [0.9, 0.5, 0.4], cost_fp = 1.0, cost_fn = 1.000001:
    # t=0.9 costs 1.000001 (one miss), t=0.4 costs 1.0 (one false alarm): right answer
    # 0.4; np.isclose (rtol 1e-5) calls them a tie and keeps the larger, 0.9.
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    best_t, best_cost = None, np.inf
    for t in np.unique(s)[::-1]:
        flagged = s >= t
        cost = float(
            np.sum(flagged & (y == 0)) * float(cost_fp)
            + np.sum(~flagged & (y == 1)) * float(cost_fn)
        )
        if cost < best_cost and not np.isclose(cost, best_cost):
            best_t, best_cost = t, cost
    return float(best_t)
