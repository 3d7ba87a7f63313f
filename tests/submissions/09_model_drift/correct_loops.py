"""Correct answers written with plain loops and a hand-made KS statistic."""

import numpy as np
from scipy import stats


def population_stability_index(expected, actual, n_bins=10, eps=1e-4):
    expected = [float(x) for x in np.ravel(expected)]
    actual = [float(x) for x in np.ravel(actual)]
    # np.percentile at 10, 20, ..., 90 (a different grid of levels than i / n_bins)
    inner = list(np.percentile(expected, np.linspace(0, 100, n_bins + 1)[1:-1]))
    edges = [-np.inf] + inner + [np.inf]
    psi = 0.0
    for i in range(n_bins):
        lo, hi = edges[i], edges[i + 1]
        e = sum(lo <= x < hi for x in expected) / len(expected)
        a = sum(lo <= x < hi for x in actual) / len(actual)
        e, a = max(e, eps), max(a, eps)
        psi += (a - e) * np.log(a / e)
    return psi


def ks_drift(reference, current, alpha=0.05):
    r = np.sort(np.asarray(reference, dtype=np.float64))
    c = np.sort(np.asarray(current, dtype=np.float64))
    points = np.concatenate([r, c])
    f = np.searchsorted(r, points, side="right") / len(r)
    g = np.searchsorted(c, points, side="right") / len(c)
    statistic = np.max(np.abs(f - g))
    p_value = stats.ks_2samp(r, c).pvalue
    return statistic, p_value, bool(p_value < alpha)
