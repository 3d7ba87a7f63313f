"""Ties decided with math.isclose (default rel_tol=1e-9) "so that float noise cannot
break a tie".

Wrong on cost_optimal_threshold([1, 0, 1], [0.9, 0.5, 0.4], 1.0, 1.0 + 1e-12): the
costs 1.000000000001 (t = 0.9) and 1.0 (t = 0.4) differ: right 0.4, returns 0.9.
"""

import math

import numpy as np


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # WRONG on y = [1, 0, 1], scores = [0.9, 0.5, 0.4], cost_fp = 1.0,
    # cost_fn = 1.0 + 1e-12: t = 0.9 costs 1.000000000001 (one miss), t = 0.4 costs 1.0
    # (one false alarm): right answer 0.4 (costs that differ are no tie). math.isclose
    # calls the two costs equal and keeps the larger t, 0.9.
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    best_t, best_cost = None, math.inf
    for t in np.unique(s)[::-1]:
        flagged = s >= t
        fp = int(np.sum(flagged & (y == 0)))
        fn = int(np.sum(~flagged & (y == 1)))
        cost = fp * float(cost_fp) + fn * float(cost_fn)
        if cost < best_cost and not math.isclose(cost, best_cost):
            best_t, best_cost = t, cost
    return float(best_t)
