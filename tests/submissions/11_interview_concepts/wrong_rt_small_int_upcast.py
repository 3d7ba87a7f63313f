"""Wrong (red team): the upcast meant for int8/uint8 (itemsize < 8) also catches
float32 and truncates weighted counts to integers.

Smallest input: np.array([[0, 0.5], [0, 1]], dtype=np.float32): right (2/3, 1.0);
this returns (1.0, 1.0) (FP = 0.5 truncated to 0).
"""

import numpy as np


def confusion_rates(cm):
    cm = np.asarray(cm)
    if cm.dtype.itemsize < 8:
        cm = cm.astype(np.int64)  # no overflow when adding small-int counts
    tn, fp, fn, tp = cm.ravel()
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    return float(precision), float(recall)
