"""Wrong (red team): ``max(d, 1)`` as the zero guard, right only for whole counts.

Smallest input: [[0, 0], [0, 0.5]] (weights below 1): right (1.0, 1.0); this returns
(0.5, 0.5). A normalised matrix [[0.5, 0.25], [0.125, 0.125]]: right (1/3, 1/2), this
returns (0.125, 0.125).
"""

import numpy as np


def confusion_rates(cm):
    tn, fp, fn, tp = np.asarray(cm, dtype=np.float64).ravel()
    return float(tp / max(tp + fp, 1.0)), float(tp / max(tp + fn, 1.0))
