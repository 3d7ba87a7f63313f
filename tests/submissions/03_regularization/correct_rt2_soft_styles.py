"""Soft threshold in pure Python, recursive: floats for scalars and 0-d arrays, nested
lists otherwise (second red team, correct)."""

import math

import numpy as np


def soft_threshold(z, t):
    # Pure Python, recursive: floats for scalars (also 0-d arrays), nested lists otherwise.
    if isinstance(z, np.ndarray):
        if z.ndim == 0:
            return soft_threshold(z[()], t)
        return [soft_threshold(v, t) for v in z]
    if isinstance(z, (list, tuple)):
        return [soft_threshold(v, t) for v in z]
    v = float(z)
    return math.copysign(max(abs(v) - float(t), 0.0), v) + 0.0
