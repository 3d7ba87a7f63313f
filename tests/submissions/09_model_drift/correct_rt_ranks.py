"""PSI by counting with sorted arrays (no binning call), edges made unique, terms
summed only over non-empty bins; KS on the pooled ranks (the statistic and p-value
are rank-invariant), returned as NumPy scalars in a namedtuple."""

from collections import namedtuple

import numpy as np
from scipy import stats


def population_stability_index(expected, actual, n_bins=10, eps=1e-4):
    # share in [lo, hi) = (#< hi - #< lo) / n with sorted arrays
    x = np.sort(np.array(expected, dtype=np.float64).ravel())
    y = np.sort(np.array(actual, dtype=np.float64).ravel())
    q = np.unique(np.quantile(x, np.linspace(0, 1, n_bins + 1)[1:-1]))
    bounds = np.concatenate(([-np.inf], q, [np.inf]))

    def shares(v):
        below = np.searchsorted(v, bounds, side="left").astype(float)
        below[-1] = v.size  # the +inf bin is closed
        return np.diff(below) / v.size

    e, a = shares(x), shares(y)
    keep = (e > 0) | (a > 0)
    e, a = np.maximum(e[keep], eps), np.maximum(a[keep], eps)
    return np.sum((a - e) * (np.log(a) - np.log(e)))


def ks_drift(reference, current, alpha=0.05):
    ks = namedtuple("KS", "statistic p_value drifted")
    r = np.asarray(reference, dtype=np.float64).ravel()
    c = np.asarray(current, dtype=np.float64).ravel()
    ranks = stats.rankdata(np.concatenate([r, c]), method="min")
    res = stats.ks_2samp(ranks[: r.size], ranks[r.size :])
    return ks(res.statistic, res.pvalue, np.bool_(res.pvalue < alpha))
