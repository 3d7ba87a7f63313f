"""min over the set of distinct scores, keyed by cost (ties: whatever min meets first
in set iteration order).

Wrong on cost_optimal_threshold([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 1, 1): t = 0.8
and t = 0.35 both cost 1: right 0.8 (the larger), returns 0.35.
"""

import numpy as np


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # WRONG on y = [0, 0, 1, 1], scores = [0.1, 0.4, 0.35, 0.8], costs 1, 1: t = 0.8 and
    # t = 0.35 both cost 1: right answer 0.8; min() keeps the first of the tie in set
    # iteration order (hash order of floats, not size order).
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()

    def cost(t):
        flagged = s >= t
        return int(np.sum(flagged & (y == 0))) * float(cost_fp) + int(
            np.sum(~flagged & (y == 1))
        ) * float(cost_fn)

    return float(min(set(s.tolist()), key=cost))
