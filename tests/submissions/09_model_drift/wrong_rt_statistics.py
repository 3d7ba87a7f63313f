"""PSI in pure Python with statistics.quantiles(method="inclusive") as the edges.

Wrong by the contract, which takes the edges from np.quantile: "inclusive" is the
same linear quantile, but computed as (x[j]·(n - d) + x[j+1]·d) / n, which can be one
ulp off a tied value, and the values equal to it then land in the other bin.
Smallest: expected=[0.1, 0.1, 0.1, 0.1, 0.9], actual=[0.1], n_bins=3: np.quantile's
edges are 0.1 and 0.1, both samples' 0.1s go to the top bin; right 0.0, this returns
1.5640491119.
"""

import bisect
import math
import statistics


def population_stability_index(expected, actual, n_bins=10, eps=1e-4):
    x = sorted(float(v) for v in expected)
    y = [float(v) for v in actual]
    if n_bins == 1:
        inner = []
    elif len(x) == 1:
        inner = [x[0]] * (n_bins - 1)
    else:
        inner = statistics.quantiles(x, n=n_bins, method="inclusive")

    def shares(vals):
        counts = [0] * n_bins
        for v in vals:
            counts[bisect.bisect_right(inner, v)] += 1
        return [c / len(vals) for c in counts]

    e, a = shares(x), shares(y)
    return math.fsum(
        (max(ai, eps) - max(ei, eps)) * math.log(max(ai, eps) / max(ei, eps))
        for ei, ai in zip(e, a)
    )
