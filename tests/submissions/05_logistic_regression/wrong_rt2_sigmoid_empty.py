"""Red team 2: a fast path decided by np.abs(z).max() raises on a size-0 array.
Caught by the empty-array cases (shapes (0,) and (2, 0)).
"""

import numpy as np


def sigmoid(z):
    # WRONG on empty input: a fast path decided by np.abs(z).max() raises ValueError on
    # a size-0 array. Contract: element-wise for any shape.
    # sigmoid(np.array([])): right array([]) (shape (0,)); this raises ValueError.
    z = np.asarray(z, dtype=float)
    if np.abs(z).max() < 700:  # exp(-z) cannot overflow: the textbook formula
        out = 1.0 / (1.0 + np.exp(-z))
    else:
        e = np.exp(-np.abs(z))
        out = np.where(z >= 0, 1.0, e) / (1.0 + e)
    return out if out.ndim else float(out)
