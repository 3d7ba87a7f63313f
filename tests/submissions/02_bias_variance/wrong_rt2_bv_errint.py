"""Red team, round 2: bv_errint (one wrong function; see the comment)."""

import numpy as np


# WRONG on integer arrays of a small dtype: the errors p - t are formed in that dtype.
# E.g. the worked example as uint8: p = np.array([[1, 2], [3, 2]], np.uint8),
# t = np.array([2, 1], np.uint8): right (0.5, 0.5); this returns (8192.5, 8064.5)
# because 1 - 2 wraps to 255. (Contract: integer inputs are read as float64.)
def bias_variance(predictions, y_true):
    errors = np.asarray(predictions) - np.asarray(
        y_true
    )  # error of every model at every point
    mean_error = errors.mean(axis=0)
    bias_squared = np.mean(mean_error**2)
    variance = np.mean(errors.var(axis=0))  # var(p - t) == var(p) across models
    return float(bias_squared), float(variance)
