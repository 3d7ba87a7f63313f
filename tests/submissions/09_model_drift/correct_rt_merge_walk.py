"""KS in pure Python: the statistic by a walk over the distinct values (bisect), the
p-value from scipy's ks_2samp on sorted lists; the result returned as a list."""

import bisect

from scipy import stats


def ks_drift(reference, current, alpha=0.05):
    r = sorted(float(v) for v in reference)
    c = sorted(float(v) for v in current)
    d = 0.0
    for v in sorted(set(r) | set(c)):
        f = bisect.bisect_right(r, v) / len(r)
        g = bisect.bisect_right(c, v) / len(c)
        d = max(d, abs(f - g))
    p = float(stats.ks_2samp(r, c).pvalue)
    return [d, p, p < alpha]
