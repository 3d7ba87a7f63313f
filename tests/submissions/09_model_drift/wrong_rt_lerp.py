"""PSI with the textbook linear quantile (1 - t)·x[k] + t·x[k+1], plain loops.

Wrong by the contract, which takes the edges from np.quantile: at a tied value
x[k] = x[k+1] = v the textbook formula can be one ulp off v, and the values equal to
v then land in the other bin. Smallest: expected=[3.0, 3.0], actual=[3.0, 2.0],
n_bins=5: np.quantile's edges are all 3.0 (e = [0, 0, 0, 0, 1], a = [0.5, 0, 0, 0,
0.5]); right 4.6043184667, this returns 0.3465735903 (an edge of 3.0000000000000004
puts the 3.0 below it).
"""

import math

import numpy as np


def population_stability_index(expected, actual, n_bins=10, eps=1e-4):
    x = sorted(float(v) for v in np.ravel(expected))
    y = [float(v) for v in np.ravel(actual)]
    n = len(x)
    inner = []
    for i in range(1, n_bins):
        h = (n - 1) * i / n_bins
        k = min(int(math.floor(h)), n - 1)
        t = h - k
        nxt = x[min(k + 1, n - 1)]
        inner.append((1 - t) * x[k] + t * nxt)
    edges = [-math.inf, *inner, math.inf]
    psi = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        e = max(sum(lo <= v < hi for v in x) / n, eps)
        a = max(sum(lo <= v < hi for v in y) / len(y), eps)
        psi += (a - e) * math.log(a / e)
    return psi
