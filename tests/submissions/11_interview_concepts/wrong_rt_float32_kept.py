"""Wrong (red team): ``* 1.0`` turns integer counts into float64 but keeps float32
counts in float32, so the division runs in float32.

Smallest input: np.array([[1, 2], [3, 7]], dtype=np.float32): right (7/9, 7/10) =
(0.7777777777777778, 0.7); this returns (0.7777777910232544, 0.699999988079071), off by
1.3e-8 (> atol 1e-8).
"""

import numpy as np


def confusion_rates(cm):
    cm = np.asarray(cm) * 1.0
    tn, fp, fn, tp = cm.ravel()
    precision = tp / (tp + fp) if tp + fp > 0 else 0.0
    recall = tp / (tp + fn) if tp + fn > 0 else 0.0
    return float(precision), float(recall)
