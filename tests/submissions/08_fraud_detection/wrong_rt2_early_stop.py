"""Scan thresholds from high to low and stop once the cost rises ("the cost curve is
U-shaped").

Wrong on cost_optimal_threshold([1, 0, 1], [0.9, 0.5, 0.4], 1, 3): t = 0.9 costs 3,
t = 0.5 costs 4 (it stops), t = 0.4 costs 1: right 0.4, returns 0.9.
"""

import numpy as np


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # WRONG on y = [1, 0, 1], scores = [0.9, 0.5, 0.4], costs 1, 3: t = 0.9 costs 3,
    # t = 0.5 costs 4 (rise: stop), t = 0.4 costs 1: right answer 0.4 -> returns 0.9.
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    best_t, best_cost = None, np.inf
    for t in np.unique(s)[::-1]:
        flagged = s >= t
        cost = int(np.sum(flagged & (y == 0))) * float(cost_fp) + int(
            np.sum(~flagged & (y == 1))
        ) * float(cost_fn)
        if cost < best_cost:
            best_t, best_cost = t, cost
        elif cost > best_cost:
            break
    return float(best_t)
