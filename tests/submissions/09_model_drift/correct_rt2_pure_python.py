"""Correct answers in pure Python (no NumPy in the computation).

population_stability_index: edges by np.quantile's own linear formula reproduced in
Python (levels i / n_bins, position (n - 1)·level, a + (b - a)·t for t < 0.5 and
b - (b - a)·(1 - t) for t >= 0.5, which is what numpy's _lerp does), bins by
bisect_right (a value on an edge goes above), proportions exact as Fractions, clipped
with max(p, eps), summed with math.fsum; returns a Python float.

ks_drift: written as a generator (yields statistic, p-value, drifted). The statistic
is exact: max |i·m - j·n| / (n·m) over the distinct pooled values, as a Fraction; the
p-value from scipy.stats.ks_2samp on plain Python lists; drifted a Python bool.
"""

import bisect
import math
from fractions import Fraction

from scipy import stats


def population_stability_index(expected, actual, n_bins=10, eps=1e-4):
    x = sorted(float(v) for v in expected)
    y = [float(v) for v in actual]
    n = len(x)
    inner = []
    for i in range(1, n_bins):
        h = (n - 1) * (i / n_bins)
        k = min(math.floor(h), n - 1)
        t = h - k
        a, b = x[k], x[min(k + 1, n - 1)]
        inner.append(b - (b - a) * (1 - t) if t >= 0.5 else a + (b - a) * t)

    def shares(values):
        counts = [0] * n_bins
        for v in values:
            counts[bisect.bisect_right(inner, v)] += 1
        return [Fraction(c, len(values)) for c in counts]

    terms = []
    for e, a in zip(shares(x), shares(y)):
        e, a = max(float(e), eps), max(float(a), eps)
        terms.append((a - e) * math.log(a / e))
    return math.fsum(terms)


def ks_drift(reference, current, alpha=0.05):
    r = sorted(float(v) for v in reference)
    c = sorted(float(v) for v in current)
    n, m = len(r), len(c)
    i = j = 0
    best = 0
    while i < n or j < m:
        v = min(r[i] if i < n else math.inf, c[j] if j < m else math.inf)
        while i < n and r[i] == v:
            i += 1
        while j < m and c[j] == v:
            j += 1
        best = max(best, abs(i * m - j * n))
    p = float(stats.ks_2samp(r, c).pvalue)
    yield Fraction(best, n * m)
    yield p
    yield p < alpha
