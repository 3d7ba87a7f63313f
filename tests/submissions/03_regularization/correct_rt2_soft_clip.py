"""Soft threshold as z minus its projection onto [-t, t] (second red team, correct)."""

import numpy as np


def soft_threshold(z, t):
    # z minus its projection onto [-t, t].
    z = np.asarray(z, dtype=float)
    return z - np.clip(z, -t, t)
