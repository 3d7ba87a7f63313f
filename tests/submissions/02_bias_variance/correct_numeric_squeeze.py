"""A correct answer that squeezes length-1 axes and handles each shape it leaves."""

import numpy as np


def bias_variance(predictions, y_true):
    p = np.squeeze(np.asarray(predictions, float))
    t = np.squeeze(np.asarray(y_true, float))
    if p.ndim == 0:
        return float((p - t) ** 2), 0.0
    if p.ndim == 1:
        if t.ndim == 0:  # one point, several models
            return float((p.mean() - t) ** 2), float(p.var())
        return float(np.mean((p - t) ** 2)), 0.0  # one model
    return float(np.mean((p.mean(axis=0) - t) ** 2)), float(np.mean(p.var(axis=0)))
