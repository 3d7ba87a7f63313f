"""Wrong (red team): ``np.isclose(d, 0)`` (atol 1e-8) decides "the denominator is 0".

Smallest input: [[0, 0], [0, 1e-9]]: right (1.0, 1.0); this returns (0.0, 0.0).
"""

import numpy as np


def confusion_rates(cm):
    tn, fp, fn, tp = np.asarray(cm, dtype=np.float64).ravel()
    precision = 0.0 if np.isclose(tp + fp, 0.0) else tp / (tp + fp)
    recall = 0.0 if np.isclose(tp + fn, 0.0) else tp / (tp + fn)
    return float(precision), float(recall)
