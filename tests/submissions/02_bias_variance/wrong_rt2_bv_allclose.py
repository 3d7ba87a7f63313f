"""Red team, round 2: bv_allclose (one wrong function; see the comment)."""

import numpy as np


# WRONG on models that differ by less than 1e-12 relative: predictions
# [[1e12], [1e12 + 0.5]], y_true [1e12]: right (0.0625, 0.0625) (all exact in float64);
# this returns variance 0.0 (allclose calls the two models identical).
def bias_variance(predictions, y_true):
    p = np.asarray(predictions, dtype=float)
    t = np.asarray(y_true, dtype=float)
    mean_prediction = p.mean(axis=0)
    bias_squared = float(np.mean((mean_prediction - t) ** 2))
    if np.allclose(p, p[0], rtol=1e-12, atol=0.0):
        return bias_squared, 0.0  # identical models: no variance (avoid rounding noise)
    return bias_squared, float(np.mean(p.var(axis=0)))
