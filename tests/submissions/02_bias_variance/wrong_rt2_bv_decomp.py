"""Red team, round 2: bv_decomp (one wrong function; see the comment)."""

import numpy as np


# WRONG when the bias is much larger than the spread: variance = MSE - bias² cancels.
# E.g. predictions [[1e9 + 1], [1e9 - 1]], y_true [0.0]: right (1e18, 1.0);
# this returns variance 0.0 (1e18 + 1 rounds to 1e18).
def bias_variance(predictions, y_true):
    p = np.asarray(predictions, dtype=float)
    t = np.asarray(y_true, dtype=float)
    errors = p - t
    mse = np.mean(errors**2)  # expected squared error over models and points
    bias_squared = np.mean(errors.mean(axis=0) ** 2)
    variance = mse - bias_squared  # decomposition: MSE = bias² + variance
    return float(bias_squared), float(max(variance, 0.0))
