"""Vectorised: sort by -scores, counts over groups of tied scores, the scores kept in
their own dtype (so -scores wraps for unsigned and for int8 -128).

Wrong on cost_optimal_threshold([1, 1], np.array([0, 1], dtype=np.uint8), 1, 1):
right 0.0, returns 1.0.
"""

import numpy as np


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # WRONG on y = [1, 1], scores = np.array([0, 1], dtype=np.uint8) (scores bucketed
    # into 0..255), costs 1, 1: t = 0 flags both frauds (cost 0): right answer 0.0.
    # -scores wraps in uint8 (-1 = 255, -0 = 0), so 0 sorts as the *highest* score: the
    # group counts are shifted and t = 1 appears to cost 0 -> returns 1.0 (cost 1).
    # Right for int64/float scores (every hidden case).
    y = np.asarray(y_true).astype(np.int64).ravel()
    s = np.asarray(scores).ravel()
    order = np.argsort(-s, kind="stable")
    s, y = s[order], y[order]
    last = np.r_[np.flatnonzero(s[1:] != s[:-1]), len(s) - 1]
    tp = np.cumsum(y)[last]
    fp = last + 1 - tp
    fn = int(y.sum()) - tp
    cost = fp * float(cost_fp) + fn * float(cost_fn)
    return float(s[last][int(np.argmin(cost))])
