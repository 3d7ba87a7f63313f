"""KS: drifted from the asymptotic critical value c(alpha)·sqrt((n + m)/(n·m)).

Wrong where that critical value and the p-value disagree: drifted is p_value < alpha.
Smallest: reference=[1, 2, 3, 4], current=[3.5, 4.5, 5.5, 6.5, 7.5], alpha=0.08:
p = 0.0794 < 0.08, so drifted is True; this returns False (D = 0.8 is below the
critical value 0.98).
"""

import numpy as np
from scipy import stats


def ks_drift(reference, current, alpha=0.05):
    r = np.asarray(reference, dtype=float).ravel()
    c = np.asarray(current, dtype=float).ravel()
    res = stats.ks_2samp(r, c)
    n, m = r.size, c.size
    crit = np.sqrt(-np.log(alpha / 2) / 2) * np.sqrt((n + m) / (n * m))
    return float(res.statistic), float(res.pvalue), bool(res.statistic > crit)
