"""Red team 2: labels kept in their dtype, so -y of a uint8 1 wraps to 255.
Caught by the uint8 and uint16 label cases.
"""

import numpy as np


def log_loss(y_true, p, eps=1e-15):
    # WRONG for unsigned label dtypes: the labels are kept in their dtype and negated,
    # -y of a uint8 1 is 255. Contract: labels may come in any integer dtype.
    # log_loss(np.array([1, 0], np.uint8), [0.9, 0.2]): right 0.16425 (= -(log .9 + log .8)/2),
    # this returns -13.32.
    y = np.asarray(y_true)
    p = np.clip(np.asarray(p, dtype=float), eps, 1 - eps)
    return float(np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p)))
