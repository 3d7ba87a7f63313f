"""Red team 2: a NumPy scalar keeps its dtype, so np.exp runs in float16 for
int8/uint8 and -abs(uint8) wraps. Caught by the NumPy uint8/int8 scalar cases.
"""

import numpy as np


def sigmoid(z):
    # WRONG for NumPy integer scalars of small dtypes: the scalar fast path keeps the
    # scalar's dtype, so np.exp runs in float16 for int8/uint8 (and -abs of a uint8
    # wraps around). Contract: every numeric input is read as float64; a number for a
    # number. sigmoid(np.uint8(3)): right 0.9525741268; this returns 0.0.
    # sigmoid(np.int8(1)): right 0.7310585786; this returns 0.73095703125 (float16).
    if np.isscalar(z):
        e = np.exp(-abs(z))
        return float(1 / (1 + e) if z >= 0 else e / (1 + e))
    z = np.asarray(z, dtype=float)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)
