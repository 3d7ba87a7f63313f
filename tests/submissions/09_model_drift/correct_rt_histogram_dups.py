"""PSI with np.histogram on all edges, duplicates kept (np.percentile levels in per
cent); KS via scipy.stats.ks_2samp on Python lists (no conversion)."""

import numpy as np
from scipy import stats


def population_stability_index(expected, actual, n_bins=10, eps=1e-4):
    # histogram bins are [e_i, e_i+1); duplicate edges give empty bins [q, q)
    x = np.asarray(expected, dtype=float).ravel()
    y = np.asarray(actual, dtype=float).ravel()
    levels = np.arange(1, n_bins) * (100.0 / n_bins)
    edges = np.r_[-np.inf, np.percentile(x, levels), np.inf]
    e = np.histogram(x, edges)[0] / len(x)
    a = np.histogram(y, edges)[0] / len(y)
    e, a = np.clip(e, eps, None), np.clip(a, eps, None)
    return (a - e) @ np.log(a / e)


def ks_drift(reference, current, alpha=0.05):
    r = stats.ks_2samp(list(np.ravel(reference)), list(np.ravel(current)))
    return r.statistic, r.pvalue, r.pvalue < alpha
