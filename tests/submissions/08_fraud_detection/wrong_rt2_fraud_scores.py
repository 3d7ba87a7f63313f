"""Only the frauds' scores are tried as thresholds; no fraud at all: the highest score.

Wrong on cost_optimal_threshold([0, 0, 1], [0.9, 0.5, 0.5], 10, 1): t = 0.9 costs
11, t = 0.5 costs 20: right 0.9 (a legitimate row's score), returns 0.5.
"""

import numpy as np


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # WRONG on y = [0, 0, 1], scores = [0.9, 0.5, 0.5], cost_fp = 10, cost_fn = 1:
    # t = 0.9 costs 10 + 1 = 11, t = 0.5 costs 20: right answer 0.9 (the top score, a
    # legitimate one: "flag nothing" is not a candidate, so the top group is forced).
    # Only fraud scores are tried here -> returns 0.5.
    y = np.asarray(y_true).astype(np.int64).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    if not np.any(y == 1):
        return float(s.max())
    best_t, best_cost = None, np.inf
    for t in np.unique(s[y == 1])[::-1]:
        flagged = s >= t
        fp = int(np.sum(flagged & (y == 0)))
        fn = int(np.sum(~flagged & (y == 1)))
        cost = fp * float(cost_fp) + fn * float(cost_fn)
        if cost < best_cost:
            best_t, best_cost = t, cost
    return float(best_t)
