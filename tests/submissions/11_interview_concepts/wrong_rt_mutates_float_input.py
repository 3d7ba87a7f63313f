"""Wrong (red team) by the general rule that a function never changes its arguments:
for a float64 array ``np.asarray`` returns the caller's array and ``/=`` normalises it
in place.

Smallest input: np.array([[1.0, 2.0], [3.0, 4.0]]): the returned values are right
(4/6, 4/7), but afterwards the caller's array is [[0.1, 0.2], [0.3, 0.4]] instead of
[[1, 2], [3, 4]].
"""

import numpy as np


def confusion_rates(cm):
    cm = np.asarray(cm, dtype=np.float64)
    total = cm.sum()
    if total > 0:
        cm /= total  # work with proportions: no overflow with huge counts
    tn, fp, fn, tp = cm.ravel()
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    return float(precision), float(recall)
