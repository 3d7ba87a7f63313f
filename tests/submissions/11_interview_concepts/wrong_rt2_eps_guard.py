"""Wrong (red team 2): decides "the denominator is 0" with machine epsilon,
``d > np.finfo(float).eps`` (2.2e-16), the classic float-safe zero test.

Smallest input: [[0, 0], [0, 1e-16]] (a tiny but non-zero weight): right (1.0, 1.0);
this returns (0.0, 0.0).
"""

import numpy as np


def confusion_rates(cm):
    tn, fp, fn, tp = np.asarray(cm, dtype=np.float64).ravel()
    eps = np.finfo(np.float64).eps
    precision = tp / (tp + fp) if tp + fp > eps else 0.0
    recall = tp / (tp + fn) if tp + fn > eps else 0.0
    return float(precision), float(recall)
