"""The expanded square, and a quadratic search for the training indices."""

import numpy as np


def bias_variance(predictions, y_true):
    # bias² as mean(m²) - 2·mean(m·t) + mean(t²): cancels at large offsets
    p, t = np.asarray(predictions, float), np.asarray(y_true, float)
    m = p.mean(axis=0)
    bias_squared = np.mean(m * m) - 2 * np.mean(m * t) + np.mean(t * t)
    return float(abs(bias_squared)), float(np.mean(p.var(axis=0)))


def kfold_indices(n_samples, n_folds):
    # `j not in val` on a list: quadratic in n_samples, times out on large n
    if n_folds < 2 or n_folds > n_samples:
        raise ValueError("bad n_folds")
    base, extra = divmod(n_samples, n_folds)
    out, start = [], 0
    for i in range(n_folds):
        size = base + (i < extra)
        val = list(range(start, start + size))
        out.append(([j for j in range(n_samples) if j not in val], val))
        start += size
    return out
