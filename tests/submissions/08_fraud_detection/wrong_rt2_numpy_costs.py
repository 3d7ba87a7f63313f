"""The instructor's solutions before this fix: Python-int counts times the costs *as
passed*, so NumPy-typed costs keep their dtype (int8 wraps, float32 rounds) where the
contract reads every numeric input as float64.

Wrong on expected_cost([1, 1], [0, 0], np.int8(5), np.int8(100)): right 200.0,
returns -56.0; on cost_optimal_threshold([1, 1, 1, 0], [0.9, 0.5, 0.5, 0.1],
np.int8(1), np.int8(100)): right 0.5, returns 0.9.
"""

import numpy as np


def expected_cost(y_true, y_pred, cost_fp, cost_fn):
    # WRONG on expected_cost([1, 1], [0, 0], np.int8(5), np.int8(100)): two misses cost
    # 200.0; 2 * np.int8(100) wraps to -56 -> returns -56.0. Also
    # expected_cost([0] * 1000, [1] * 1000, np.float32(0.1), 1.0): right
    # 1000 * 0.10000000149011612 = 100.00000149011612; float32 arithmetic gives 100.0.
    y_true = np.asarray(y_true).ravel()
    y_pred = np.asarray(y_pred).ravel()
    fp = int(np.sum((y_true == 0) & (y_pred == 1)))  # Python ints: no int64 overflow
    fn = int(np.sum((y_true == 1) & (y_pred == 0)))
    return float(fp * cost_fp + fn * cost_fn)


def cost_optimal_threshold(y_true, scores, cost_fp, cost_fn):
    # WRONG on y = [1, 1, 1, 0], scores = [0.9, 0.5, 0.5, 0.1], np.int8(1), np.int8(100):
    # t = 0.9 misses 2 (cost 200), t = 0.5 costs 0, t = 0.1 costs 1: right answer 0.5;
    # 2 * np.int8(100) wraps to -56 -> returns 0.9. And with float32 costs:
    # y = [1] * 31 + [0], scores = [0.9] + [0.5] * 31, np.float32(3.0), np.float32(0.1):
    # t = 0.9 costs 30 * 0.10000000149 = 3.0000000447, t = 0.5 costs 3.0: right 0.5;
    # in float32 both are 3.0, a "tie" -> returns 0.9.
    y = np.asarray(y_true).ravel()
    s = np.asarray(scores, dtype=float).ravel()
    best_t, best_cost = None, np.inf
    for t in np.unique(s)[::-1]:
        flagged = s >= t
        fp = int(np.sum(flagged & (y == 0)))
        fn = int(np.sum(~flagged & (y == 1)))
        cost = fp * cost_fp + fn * cost_fn
        if cost < best_cost:
            best_t, best_cost = t, cost
    return float(best_t)
