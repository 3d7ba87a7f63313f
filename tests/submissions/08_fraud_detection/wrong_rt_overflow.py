"""The instructor solution before its fix: NumPy int64 counts times the costs as passed.

With integer costs (in scope: integers up to 2**53) the product stays in int64 and
wraps around past 2**63 (NumPy 2 keeps a Python int "weak", so np.int64 * int is int64).
"""

import numpy as np


def expected_cost(y_true, y_pred, cost_fp, cost_fn):
    # WRONG on expected_cost([1]*2048, [0]*2048, 1, 2**52): 2048 misses at 2**52 each
    # cost 2**63 = 9.223372036854776e18; this returns -9.223372036854776e18 (int64 wrap).
    y_true = np.asarray(y_true).ravel()
    y_pred = np.asarray(y_pred).ravel()
    fp = np.sum((y_true == 0) & (y_pred == 1))
    fn = np.sum((y_true == 1) & (y_pred == 0))
    return float(fp * cost_fp + fn * cost_fn)


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # WRONG on y = [0] + [1]*2048, scores = [0.9] + [0.1]*2048, cost_fp=1, cost_fn=2**52:
    # t=0.9 costs 1 + 2048*2**52 (wraps to a negative int64), t=0.1 costs 1 -> right
    # answer 0.1; this returns 0.9.
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    best_t, best_cost = None, np.inf
    for t in np.unique(s)[::-1]:
        flagged = s >= t
        fp = np.sum(flagged & (y == 0))
        fn = np.sum(~flagged & (y == 1))
        cost = fp * cost_fp + fn * cost_fn
        if cost < best_cost:
            best_t, best_cost = t, cost
    return float(best_t)
