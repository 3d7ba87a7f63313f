"""Costs are money: the total is rounded to cents.

Wrong on expected_cost([0, 0, 1], [1, 0, 0], 0.001, 0.004): right 0.005, returns 0.01.
"""

import numpy as np


def expected_cost(y_true, y_pred, cost_fp, cost_fn):
    # WRONG on expected_cost([0, 0, 1], [1, 0, 0], 0.001, 0.004): one false alarm and one
    # miss cost 0.001 + 0.004 = 0.005 exactly as defined; round(0.005, 2) = 0.01
    # (and expected_cost([0], [1], 0.001, 1.0) = 0.001 comes back as 0.0).
    y = np.asarray(y_true).ravel()
    p = np.asarray(y_pred).ravel()
    fp = int(np.sum((y == 0) & (p == 1)))
    fn = int(np.sum((y == 1) & (p == 0)))
    return round(float(fp * cost_fp + fn * cost_fn), 2)
