"""Plausible wrong answers: equal-width bins; p <= alpha."""

import numpy as np
from scipy import stats


def population_stability_index(expected, actual, n_bins=10, eps=1e-4):
    # equal-width bins between the min and max of expected
    e_arr = np.asarray(expected, dtype=float)
    a_arr = np.asarray(actual, dtype=float)
    inner = np.linspace(e_arr.min(), e_arr.max(), n_bins + 1)[1:-1]
    bins = np.r_[-np.inf, inner, np.inf]
    e = np.maximum(np.histogram(e_arr, bins)[0] / e_arr.size, eps)
    a = np.maximum(np.histogram(a_arr, bins)[0] / a_arr.size, eps)
    return float(np.sum((a - e) * np.log(a / e)))


def ks_drift(reference, current, alpha=0.05):
    # a p-value equal to alpha counts as drift
    res = stats.ks_2samp(reference, current)
    return res.statistic, res.pvalue, res.pvalue <= alpha
