"""Wrong (red team): adds 1e-10 to each denominator instead of testing it for 0.

Smallest input: [[0, 0], [0, 1e-9]] (a tiny weight): right (1.0, 1.0), this returns
(1/1.1, 1/1.1) = (0.909..., 0.909...). On whole counts the shift is below 1e-10.
"""

import numpy as np


def confusion_rates(cm):
    tn, fp, fn, tp = np.asarray(cm, dtype=np.float64).ravel()
    return float(tp / (tp + fp + 1e-10)), float(tp / (tp + fn + 1e-10))
