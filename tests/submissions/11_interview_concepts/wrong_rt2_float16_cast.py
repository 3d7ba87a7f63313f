"""Wrong (red team 2): upcasts integer counts to int64 (no overflow) and float32 to
float64 (the hint's case), but leaves every other dtype as it is, so float16 counts
("any numeric dtype") are divided in float16.

Smallest input: np.array([[0, 1], [0, 2]], dtype=np.float16): right (2/3, 1.0); this
returns (0.66650390625, 1.0), off by 1.6e-4.
"""

import numpy as np


def confusion_rates(cm):
    cm = np.asarray(cm)
    if cm.dtype.kind in "iu":
        cm = cm.astype(np.int64)
    elif cm.dtype == np.float32:
        cm = cm.astype(np.float64)
    tn, fp, fn, tp = cm.ravel()
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    return float(precision), float(recall)
