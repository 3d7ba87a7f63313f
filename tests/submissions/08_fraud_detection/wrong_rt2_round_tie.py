"""Costs compared after rounding to cents ("money: equal to the cent is a tie").

Wrong on cost_optimal_threshold([1, 0, 1], [0.9, 0.5, 0.4], 1.0, 1.004): t = 0.9
costs 1.004, t = 0.4 costs 1.0: right 0.4; rounded both are 1.0, returns 0.9.
"""

import numpy as np


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # WRONG on y = [1, 0, 1], scores = [0.9, 0.5, 0.4], cost_fp = 1.0, cost_fn = 1.004:
    # t = 0.9 costs 1.004 (one miss), t = 0.4 costs 1.0 (one false alarm): right answer
    # 0.4; rounded to cents both are 1.0, a "tie" -> returns the larger, 0.9.
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    best_t, best_cost = None, np.inf
    for t in np.unique(s)[::-1]:
        flagged = s >= t
        fp = int(np.sum(flagged & (y == 0)))
        fn = int(np.sum(~flagged & (y == 1)))
        cost = round(fp * float(cost_fp) + fn * float(cost_fn), 2)
        if cost < best_cost:
            best_t, best_cost = t, cost
    return float(best_t)
