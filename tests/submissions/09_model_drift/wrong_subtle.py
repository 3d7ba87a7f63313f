"""Subtly wrong answers: outer edges at the min and max of expected; the asymptotic p-value."""

import numpy as np
from scipy import stats


def population_stability_index(expected, actual, n_bins=10, eps=1e-4):
    # all n_bins + 1 quantiles as edges: values of actual outside expected's range vanish
    e_arr = np.asarray(expected, dtype=float)
    a_arr = np.asarray(actual, dtype=float)
    edges = np.quantile(e_arr, np.linspace(0, 1, n_bins + 1))
    e = np.histogram(e_arr, edges)[0] / e_arr.size
    a = np.histogram(a_arr, edges)[0] / a_arr.size
    e, a = np.maximum(e, eps), np.maximum(a, eps)
    return float(np.sum((a - e) * np.log(a / e)))


def ks_drift(reference, current, alpha=0.05):
    res = stats.ks_2samp(reference, current, method="asymp")
    return res.statistic, res.pvalue, res.pvalue < alpha
