"""KS on the data rounded to 10 decimals "so float noise cannot break ties", then
scipy.stats.ks_2samp.

Wrong for values closer than 1e-10: rounding merges them into ties. Smallest:
reference=[0.0], current=[1e-11]: right (1.0, 1.0, False), this returns (0.0, 1.0,
False). Larger: reference=1e-12*[0, 1, 2, 3, 4], current=1e-12*[10, ..., 14]: right
D=1, p=0.0079365079, drifted True; this returns D=0, p=1, False.
"""

import numpy as np
from scipy import stats


def ks_drift(reference, current, alpha=0.05):
    r = np.round(np.asarray(reference, dtype=float).ravel(), 10)
    c = np.round(np.asarray(current, dtype=float).ravel(), 10)
    res = stats.ks_2samp(r, c)
    p = float(res.pvalue)
    return float(res.statistic), p, p < alpha
