"""The cost as an *expected* cost per transaction: cost_fp * P(false alarm) +
cost_fn * P(miss), each probability a np.mean over the rows. Same ranking of
thresholds as the total cost (it is the total over n), so the same argmin."""

import numpy as np


def expected_cost(y_true, y_pred, cost_fp, cost_fn):
    # CORRECT: n * (cost_fp * FP/n + cost_fn * FN/n) = FP*cost_fp + FN*cost_fn
    # (within a few ulps, far inside rtol 1e-9).
    y = np.asarray(y_true).astype(np.int64).ravel()
    p = np.asarray(y_pred).astype(np.int64).ravel()
    per_txn = float(cost_fp) * np.mean((y == 0) & (p == 1)) + float(cost_fn) * np.mean(
        (y == 1) & (p == 0)
    )
    return float(len(y) * per_txn)


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # CORRECT in exact arithmetic: the expected cost per transaction is the total / n.
    # On exact ties (y=[0,0,0,1,0], s=[5,4,3,2,1], costs 1, 2: t=5 and t=2 both
    # cost 3) the float means 1/5 + 2*(1/5) = 0.6000000000000001 and 3/5 = 0.6 differ
    # by one ulp, so the strict `<` keeps t=2 instead of the largest, 5.
    y = np.asarray(y_true).astype(np.int64).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    best_t, best_cost = None, np.inf
    for t in np.unique(s)[::-1]:
        flagged = s >= t
        cost = float(cost_fp) * np.mean(flagged & (y == 0)) + float(cost_fn) * np.mean(
            ~flagged & (y == 1)
        )
        if cost < best_cost:
            best_t, best_cost = t, cost
    return float(best_t)
