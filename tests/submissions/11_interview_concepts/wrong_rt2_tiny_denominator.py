"""Wrong (red team 2): adds np.finfo(float).tiny (2.2e-308, "the smallest float, so it
never changes the result") to each denominator instead of testing it for 0.

Smallest input: [[0, 0], [0, 1e-300]] (a valid weight of 1e-300): right (1.0, 1.0);
this returns (0.99999997775..., 0.99999997775...), off by 2.2e-8. On the subnormal
weight [[0, 0], [0, 1e-310]] it returns (0.0045, 0.0045).
"""

import numpy as np


def confusion_rates(cm):
    tn, fp, fn, tp = np.asarray(cm, dtype=np.float64).ravel()
    tiny = np.finfo(np.float64).tiny
    return float(tp / (tp + fp + tiny)), float(tp / (tp + fn + tiny))
