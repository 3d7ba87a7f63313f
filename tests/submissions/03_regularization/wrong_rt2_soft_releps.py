"""Soft threshold with a relative epsilon of 1e-13 on the dead zone: |z| a few units in
the last place above t comes back 0 (second red team)."""

import numpy as np


def soft_threshold(z, t):
    # Treats |z| within 1e-13 (relative) of t as a tie, "to absorb rounding at the kink".
    # WRONG on z = 1e10 + 0.0005 (= 10000000000.0005, a float64), t = 1e10: right value is
    #   |z| - t = 0.0005 (one exact subtraction), this returns 0.0 (error 5e-4, far above
    #   the 1e-8 absolute default). Hidden near-ties are 2**-40 ~ 9.1e-13 relative and
    #   more, so a relative epsilon below ~9e-13 passes them all.
    z = np.asarray(z, dtype=float)
    mag = np.abs(z) - t
    mag = np.where(mag <= 1e-13 * t, 0.0, mag)
    return np.sign(z) * mag
