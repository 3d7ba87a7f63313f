"""Soft threshold in the multiplicative form z·max(0, 1 - t/|z|) (second red team,
correct)."""

import numpy as np


def soft_threshold(z, t):
    # Multiplicative form z * max(0, 1 - t/|z|) (0 at z = 0).
    z = np.asarray(z, dtype=float)
    a = np.abs(z)
    shrink = np.maximum(
        0.0, 1.0 - np.divide(t, a, out=np.full_like(a, np.inf), where=a > 0)
    )
    return z * shrink
